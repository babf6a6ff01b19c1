import type { Decider, DomainEvent, EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { executeOnStream, foldStream, type CommandCaller, type StreamCommandOutcome } from '@cdtt/platform';

/** Who asked, for event metadata and scope, and the stream revision they saw. */
export type Caller = CommandCaller;

export type Executed<S> = StreamCommandOutcome<S>;

/** One command against one reporting stream (see executeOnStream), answered with the state after it. */
export function execute<C, S, E extends DomainEvent>(
  store: EventStore,
  ids: IdGenerator,
  decider: Decider<C, S, E>,
  streamName: string,
  command: C,
  effectiveDate: string,
  caller: Caller,
): Promise<Executed<S>> {
  return executeOnStream(store, ids, decider, streamName, command, { effectiveDate, caller, conflictNoun: 'stream' });
}

/** The current state of a stream, to look up facts before a command (never for reads). */
export async function loadState<S, E>(store: EventStore, decider: { initialState: S; evolve(state: S, event: E): S }, streamName: string): Promise<S> {
  return (await foldStream(store, decider, streamName)).state;
}
