import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { verifyChain } from '@cdtt/event-sourcing';
import { codedError } from '../graphql/coded-error';
import { fromGlobalId } from '../graphql/global-id';
import { CurrentActor, type RequestActor } from '../graphql/request-actor';
import { RUNTIME } from '../platform.tokens';
import type { Runtime } from '../runtime/runtime';
import { ChainFailureReasonEnum, StreamVerificationType } from './stream-verification.type';

/** Node types whose id names an event stream: `<category>-<local id>` (team-, person-, village-). */
const STREAM_CATEGORIES: Readonly<Record<string, string>> = { Team: 'team', Person: 'person', Village: 'village' };

/** A stream name, or the global id of a Team, Person or Village; null when neither. */
export function streamNameOf(streamId: string): string | null {
  if (streamId.length === 0 || streamId.length > 400) return null;
  const global = fromGlobalId(streamId);
  if (global === null) return streamId;
  const category = STREAM_CATEGORIES[global.typeName];
  return category === undefined ? null : `${category}-${global.localId}`;
}

/** For auditors: is one stream's history intact, checked now against the store itself? */
@Resolver(() => StreamVerificationType)
export class StreamVerificationResolver {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Query(() => StreamVerificationType, {
    description: "Verifies a stream's hash chain from revision 0. `streamId` is a stream name or the id of a Team, Person or Village. ADMIN and AUDITOR only.",
  })
  async verifyStream(@Args('streamId', { type: () => ID }) streamId: string, @CurrentActor() actor: RequestActor): Promise<StreamVerificationType> {
    if (actor.role !== 'ADMIN' && actor.role !== 'AUDITOR') throw codedError('FORBIDDEN', 'Only ADMIN and AUDITOR clients may verify streams.');
    const streamName = streamNameOf(streamId);
    if (streamName === null) throw codedError('BAD_USER_INPUT', 'streamId is neither a stream name nor the id of a Team, Person or Village.');
    // Events as stored, not upcast: the chain covers the stored shape.
    const events = await this.runtime.storedEvents.readStream(streamName);
    if (events.length === 0) throw codedError('NOT_FOUND', `No events in stream ${streamName}.`);
    const verdict = verifyChain(events);
    return Object.assign(new StreamVerificationType(), {
      streamName,
      ok: verdict.ok,
      eventCount: verdict.count,
      headHash: verdict.ok ? verdict.headHash : null,
      firstBadRevision: verdict.ok ? null : verdict.firstBadRevision,
      firstBadEventId: verdict.ok ? null : verdict.firstBadEventId,
      reason: verdict.ok ? null : ChainFailureReasonEnum[verdict.reason],
    });
  }
}
