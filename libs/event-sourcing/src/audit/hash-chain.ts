import { createHash } from 'node:crypto';
import { GENESIS_HASH, type NewEvent, type RecordedEvent } from '../envelope/envelope';
import { canonicalJson } from './canonical-json';

/** The fields that define an event for the audit chain: everything but `hash` and `position`. */
export interface ChainableEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Omit<RecordedEvent['metadata'], 'hash'>;
  readonly streamName: string;
  readonly revision: number;
  readonly recordedAt: string;
}

/**
 * hash = SHA-256(prevHash ‖ canonical JSON of the event without its hash). `position` is left
 * out because it is store-specific; everything else, including recordedAt, is covered.
 */
export function computeEventHash(event: ChainableEvent): string {
  return createHash('sha256').update(event.metadata.prevHash).update(canonicalJson(event)).digest('hex');
}

/** Strips what the chain does not cover from a recorded event. */
export function toChainable(event: RecordedEvent): ChainableEvent {
  const { hash: _hash, ...metadata } = event.metadata;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata,
    streamName: event.streamName,
    revision: event.revision,
    recordedAt: event.recordedAt,
  };
}

/**
 * Links a batch onto a stream head: assigns revisions, prevHash and hash. Every adapter calls
 * this, under its stream lock, so the chain is the same whichever store holds the events.
 */
export function chainEvents(
  streamName: string,
  head: { readonly revision: number | null; readonly hash: string | null },
  events: readonly NewEvent[],
  recordedAt: string,
): Array<Omit<RecordedEvent, 'position'>> {
  let prevHash = head.hash ?? GENESIS_HASH;
  let revision = head.revision ?? -1;
  return events.map((event) => {
    revision += 1;
    const chainable: ChainableEvent = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: { ...event.metadata, prevHash },
      streamName,
      revision,
      recordedAt,
    };
    const hash = computeEventHash(chainable);
    prevHash = hash;
    return { ...chainable, metadata: { ...chainable.metadata, hash } };
  });
}

export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly headHash: string }
  | {
      readonly ok: false;
      readonly count: number;
      readonly firstBadRevision: number;
      readonly firstBadEventId: string;
      readonly reason: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'REVISION_GAP';
    };

/** Verifies a stream read forwards from revision 0; names the first event that does not match. */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const bad = (reason: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'REVISION_GAP'): ChainVerdict => ({
      ok: false,
      count: index,
      firstBadRevision: event.revision,
      firstBadEventId: event.id,
      reason,
    });
    if (event.revision !== index) return bad('REVISION_GAP');
    if (event.metadata.prevHash !== expectedPrev) return bad('PREV_HASH_MISMATCH');
    if (computeEventHash(toChainable(event)) !== event.metadata.hash) return bad('HASH_MISMATCH');
    expectedPrev = event.metadata.hash;
  }
  return { ok: true, count: events.length, headHash: expectedPrev };
}
