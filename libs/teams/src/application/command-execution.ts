import type { Decider, DomainError, DomainEvent, EventStore, IdGenerator, RecordedEvent } from '@cdtt/event-sourcing';
import { executeOnStream, foldStream, versionConflict as conflict, type CommandCaller } from '@cdtt/platform';

/** Who asked, for event metadata, and the stream revision they saw (optimistic concurrency). */
export type Caller = CommandCaller;

export type CommandResult =
  | { readonly ok: true; readonly id: string; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export const versionConflict = (expected: number, actual: number | null): DomainError => conflict(expected, actual, 'team');

/** One command against one team-context stream (see executeOnStream), answered with the stream's id. */
export async function execute<C, S, E extends DomainEvent>(
  store: EventStore,
  ids: IdGenerator,
  decider: Decider<C, S, E>,
  stream: { readonly id: string; readonly name: string },
  command: C,
  effectiveDate: string,
  caller: Caller,
  firstRead?: readonly RecordedEvent[],
): Promise<CommandResult> {
  const outcome = await executeOnStream(store, ids, decider, stream.name, command, { effectiveDate, caller, conflictNoun: 'team', ...(firstRead ? { firstRead } : {}) });
  if (!outcome.ok) return outcome;
  return { ok: true, id: stream.id, version: outcome.version, position: outcome.position };
}

/**
 * The current state of a stream, for looking up facts before a command (never for reads), with the
 * events it was folded from: the command can decide on them without reading the stream again.
 */
export async function loadState<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamName: string,
): Promise<{ state: S; revision: number | null; recorded: readonly RecordedEvent[] }> {
  const { state, revision, recorded } = await foldStream(store, decider, streamName);
  return { state, revision, recorded };
}
