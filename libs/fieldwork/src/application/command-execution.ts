import type { Decider, DomainError, DomainEvent, EventStore, IdGenerator, RecordedEvent } from '@cdtt/event-sourcing';
import { executeOnStream, foldStream, versionConflict as conflict, type CommandCaller } from '@cdtt/platform';

/** Who asked (for event metadata), where they may write, the stream revision they saw, and today. */
export interface Caller extends CommandCaller {
  /** Today's civil date in Vietnam, from the injected clock. */
  readonly today: string;
}

export type CommandResult =
  | { readonly ok: true; readonly id: string; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export const refused = (error: DomainError): CommandResult => ({ ok: false, error });

export const versionConflict = (expected: number, actual: number | null): DomainError => conflict(expected, actual, 'record');

/** One command against one field-work stream (see executeOnStream), answered with the stream's id. */
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
  const outcome = await executeOnStream(store, ids, decider, stream.name, command, { effectiveDate, caller, conflictNoun: 'record', ...(firstRead ? { firstRead } : {}) });
  if (!outcome.ok) return outcome;
  return { ok: true, id: stream.id, version: outcome.version, position: outcome.position };
}

/** A stream folded with a decider, for facts and scope checks before a command (never for reads). */
export function loadState<C, S, E extends DomainEvent>(store: EventStore, decider: Decider<C, S, E>, streamName: string): Promise<{ state: S; revision: number | null; events: readonly E[]; recorded: readonly RecordedEvent[] }> {
  return foldStream(store, decider, streamName);
}
