import { DomainError, handleCommand, WrongExpectedVersionError, type Actor, type Decider, type DomainEvent, type EventStore, type IdGenerator, type RecordedEvent } from '@cdtt/event-sourcing';
import type { ProvinceScope } from '../security/scope/province-scope';
import { effectiveAtOf } from '../time/effective-at';

/** Who asked (for event metadata), where they may write, and the stream revision they saw. */
export interface CommandCaller {
  readonly actor: Actor;
  /** Where the caller may write: commands refuse outside it with the same code as for an unknown object. */
  readonly scope: ProvinceScope;
  readonly correlationId: string;
  readonly expectedVersion?: number | null;
}

/** A command's outcome on one stream: the state after it, or the domain's refusal. */
export type StreamCommandOutcome<S> =
  | { readonly ok: true; readonly state: S; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

/** The refusal for a stated expectation that no longer holds; `what` names the thing for the client. */
export const versionConflict = (expected: number, actual: number | null, what = 'record'): DomainError =>
  new DomainError('VERSION_CONFLICT', `The ${what} changed since you read it: you saw version ${expected}, it is now ${actual ?? 'absent'}.`, ['expectedVersion']);

/** Attempts of a command that stated no expected version, each on a fresh read of the stream. */
const RACE_ATTEMPTS = 5;

/**
 * The refusal when other writers changed the stream between every read and append of the retries:
 * nothing was written, and sending the same request again is safe. Seen under heavy contention on
 * one stream (32 clients on the embedded PostgreSQL, whose one connection stretches every command).
 */
export const concurrentChange = (what = 'record'): DomainError =>
  new DomainError('CONCURRENT_CHANGE', `The ${what} was changed by other requests while this one was decided, ${RACE_ATTEMPTS} times over: nothing was written; send it again.`);

/**
 * One command against one stream: handleCommand with metadata (actor, correlation, the effective
 * instant of the dated fact). A stated expectation that no longer holds is VERSION_CONFLICT and is
 * never retried for the client (it saw an older version); without one, handleCommand retries races,
 * and a race lost every time is CONCURRENT_CHANGE (a coded refusal, never an internal error).
 */
export async function executeOnStream<C, S, E extends DomainEvent>(
  store: EventStore,
  ids: IdGenerator,
  decider: Decider<C, S, E>,
  streamName: string,
  command: C,
  request: { readonly effectiveDate: string; readonly caller: CommandCaller; readonly conflictNoun?: string; readonly firstRead?: readonly RecordedEvent[] },
): Promise<StreamCommandOutcome<S>> {
  const { caller } = request;
  const expected = caller.expectedVersion ?? undefined;
  try {
    const outcome = await handleCommand(store, decider, streamName, command, {
      ids,
      metadata: {
        correlationId: caller.correlationId,
        causationId: null,
        actor: { clientId: caller.actor.clientId, role: caller.actor.role },
        effectiveAt: effectiveAtOf(request.effectiveDate),
      },
      ...(expected === undefined ? { maxAttempts: RACE_ATTEMPTS } : { expectedRevision: expected }),
      ...(request.firstRead ? { firstRead: request.firstRead } : {}),
    });
    if (!outcome.ok) return outcome;
    return { ok: true, state: outcome.state, version: outcome.revision, position: outcome.events.at(-1)?.position ?? null };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) {
      const refusal = expected === undefined ? concurrentChange(request.conflictNoun) : versionConflict(expected, error.actual ?? null, request.conflictNoun);
      return { ok: false, error: refusal };
    }
    throw error;
  }
}

/** A new record's stream (named by an id just generated) is empty: pass it as `firstRead`, nothing is read. */
export const NEW_STREAM: readonly RecordedEvent[] = [];

/** A stream folded with a decider, for facts and scope checks before a command (never for reads). */
export async function foldStream<S, E>(
  store: EventStore,
  decider: { readonly initialState: S; evolve(state: S, event: E): S },
  streamName: string,
): Promise<{ state: S; revision: number | null; events: readonly E[]; recorded: readonly RecordedEvent[] }> {
  const recorded = await store.readStream(streamName);
  // The adapter hands back recorded events; the decider's event union is their domain view.
  const events = recorded as unknown as E[];
  const state = events.reduce((s, event) => decider.evolve(s, event), decider.initialState);
  return { state, revision: recorded.at(-1)?.revision ?? null, events, recorded };
}
