import { DomainError, handleCommand, WrongExpectedVersionError, type Actor, type DomainEvent, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { effectiveAtOf, type ProvinceScope } from '@cdtt/platform';

/** Who asked, for event metadata and scope, and the stream revision they saw. */
export interface Caller {
  readonly actor: Actor;
  readonly scope: ProvinceScope;
  readonly correlationId: string;
  readonly expectedVersion?: number | null;
}

export type Executed<S> =
  | { readonly ok: true; readonly state: S; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

interface AnyDecider<C, S, E> {
  readonly initialState: S;
  decide(command: C, state: S): readonly E[] | DomainError;
  evolve(state: S, event: E): S;
}

/**
 * One command against one stream with metadata (actor, correlation, the day it took effect); a
 * stated expectation that no longer holds is VERSION_CONFLICT, never retried for the client.
 */
export async function execute<C, S, E extends DomainEvent>(
  store: EventStore,
  ids: IdGenerator,
  decider: AnyDecider<C, S, E>,
  streamName: string,
  command: C,
  effectiveDate: string,
  caller: Caller,
): Promise<Executed<S>> {
  const expected = caller.expectedVersion ?? undefined;
  try {
    const outcome = await handleCommand(store, decider, streamName, command, {
      ids,
      metadata: {
        correlationId: caller.correlationId,
        causationId: null,
        actor: { clientId: caller.actor.clientId, role: caller.actor.role },
        effectiveAt: effectiveAtOf(effectiveDate),
      },
      ...(expected === undefined ? {} : { expectedRevision: expected }),
    });
    if (!outcome.ok) return outcome;
    return { ok: true, state: outcome.state, version: outcome.revision, position: outcome.events.at(-1)?.position ?? null };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError && expected !== undefined) {
      const actual = error.actual ?? null;
      return { ok: false, error: new DomainError('VERSION_CONFLICT', `The stream changed since you read it: you saw version ${expected}, it is now ${actual ?? 'absent'}.`, ['expectedVersion']) };
    }
    throw error;
  }
}

/** The current state of a stream, to look up facts before a command (never for reads). */
export async function loadState<S, E>(store: EventStore, decider: { initialState: S; evolve(state: S, event: E): S }, streamName: string): Promise<S> {
  const events = await store.readStream(streamName);
  return events.reduce((s, event) => decider.evolve(s, event as unknown as E), decider.initialState);
}
