import {
  DomainError,
  handleCommand,
  WrongExpectedVersionError,
  type Actor,
  type Decider,
  type DomainEvent,
  type EventStore,
  type IdGenerator,
} from '@cdtt/event-sourcing';
import { effectiveAtOf, type ProvinceScope } from '@cdtt/platform';

/** Who asked (for event metadata), where they may write, and the stream revision they saw. */
export interface Caller {
  readonly actor: Actor;
  readonly scope: ProvinceScope;
  readonly correlationId: string;
  readonly expectedVersion?: number | null;
  /** Today's civil date in Vietnam, from the injected clock. */
  readonly today: string;
}

export type CommandResult =
  | { readonly ok: true; readonly id: string; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export const refused = (error: DomainError): CommandResult => ({ ok: false, error });

export const versionConflict = (expected: number, actual: number | null): DomainError =>
  new DomainError('VERSION_CONFLICT', `The record changed since you read it: you saw version ${expected}, it is now ${actual ?? 'absent'}.`, ['expectedVersion']);

/**
 * One command against one stream: handleCommand with metadata (actor, correlation, the effective
 * instant of the dated fact) and a stated expectation reported as VERSION_CONFLICT, never retried.
 */
export async function execute<C, S, E extends DomainEvent>(
  store: EventStore,
  ids: IdGenerator,
  decider: Decider<C, S, E>,
  stream: { readonly id: string; readonly name: string },
  command: C,
  effectiveDate: string,
  caller: Caller,
): Promise<CommandResult> {
  const expected = caller.expectedVersion ?? undefined;
  try {
    const outcome = await handleCommand(store, decider, stream.name, command, {
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
    return { ok: true, id: stream.id, version: outcome.revision, position: outcome.events.at(-1)?.position ?? null };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError && expected !== undefined) {
      return { ok: false, error: versionConflict(expected, error.actual ?? null) };
    }
    throw error;
  }
}

/** A stream folded with a decider, for facts and scope checks before a command (never for reads). */
export async function loadState<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamName: string,
): Promise<{ state: S; revision: number | null; events: readonly E[] }> {
  const recorded = await store.readStream(streamName);
  const events = recorded as unknown as E[];
  const state = events.reduce((s, event) => decider.evolve(s, event), decider.initialState);
  return { state, revision: recorded.at(-1)?.revision ?? null, events };
}
