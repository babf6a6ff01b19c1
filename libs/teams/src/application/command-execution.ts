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

/** Who asked, for event metadata, and the stream revision they saw (optimistic concurrency). */
export interface Caller {
  readonly actor: Actor;
  /** Where the caller may write: commands refuse outside it with the same code as for an unknown object. */
  readonly scope: ProvinceScope;
  readonly correlationId: string;
  readonly expectedVersion?: number | null;
}

export type CommandResult =
  | { readonly ok: true; readonly id: string; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export const versionConflict = (expected: number, actual: number | null): DomainError =>
  new DomainError(
    'VERSION_CONFLICT',
    `The team changed since you read it: you saw version ${expected}, it is now ${actual ?? 'absent'}.`,
    ['expectedVersion'],
  );

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

/** The current state of a stream, for looking up facts before a command (never for reads). */
export async function loadState<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamName: string,
): Promise<{ state: S; revision: number | null }> {
  const events = await store.readStream(streamName);
  const state = events.reduce((s, event) => decider.evolve(s, event as unknown as E), decider.initialState);
  return { state, revision: events.at(-1)?.revision ?? null };
}
