import type { EventMetadata, RecordedEvent } from '../envelope/envelope';
import type { IdGenerator } from '../ids/ids';
import { WrongExpectedVersionError } from '../store/errors';
import type { EventStore } from '../store/event-store.port';
import { noUpcasters, type Upcasters } from '../upcasting/upcasters';
import { DomainError, type Decider, type DomainEvent } from './decider';

export interface CommandContext {
  readonly ids: IdGenerator;
  readonly metadata: EventMetadata;
  /** The schema version each event type is written at; 1 when absent. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  readonly upcasters?: Upcasters;
  /**
   * The client's expectation (optimistic concurrency made visible). When given, a conflict is
   * reported, never retried: the client decided on a state it saw.
   */
  readonly expectedRevision?: number;
  /** Attempts when another writer got there first and no expectation was given. Default 3. */
  readonly maxAttempts?: number;
  /**
   * The stream as the caller has just read it (or `[]` for a stream named by an id it just
   * generated): the first attempt decides on it instead of reading the stream again. The append
   * still expects that revision, so a change in between fails it, and a retry reads afresh.
   */
  readonly firstRead?: readonly RecordedEvent[];
}

export type CommandOutcome<TState> =
  | {
      readonly ok: true;
      readonly state: TState;
      readonly events: readonly RecordedEvent[];
      /** Revision of the stream's last event, or null when nothing was ever written. */
      readonly revision: number | null;
    }
  | { readonly ok: false; readonly error: DomainError };

/**
 * read → fold → decide → append with the expected revision. One retry policy for conflicts:
 * re-read and re-decide, up to `maxAttempts`, only when the caller stated no expectation.
 */
export async function handleCommand<TCommand, TState, TEvent extends DomainEvent>(
  store: EventStore,
  decider: Decider<TCommand, TState, TEvent>,
  streamName: string,
  command: TCommand,
  context: CommandContext,
): Promise<CommandOutcome<TState>> {
  const maxAttempts = context.expectedRevision === undefined ? (context.maxAttempts ?? 3) : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(store, decider, streamName, command, context, attempt === 1 ? context.firstRead : undefined);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= maxAttempts) throw error;
    }
  }
}

async function attemptOnce<TCommand, TState, TEvent extends DomainEvent>(
  store: EventStore,
  decider: Decider<TCommand, TState, TEvent>,
  streamName: string,
  command: TCommand,
  context: CommandContext,
  known: readonly RecordedEvent[] | undefined,
): Promise<CommandOutcome<TState>> {
  const upcasters = context.upcasters ?? noUpcasters;
  const stored = known ?? (await store.readStream(streamName));
  const history = stored.map((event) => upcasters.apply(event));
  const revision = history.at(-1)?.revision ?? null;
  if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
    throw new WrongExpectedVersionError(streamName, context.expectedRevision, revision);
  }
  const state = history.reduce((s, event) => decider.evolve(s, event as unknown as TEvent), decider.initialState);
  const decided = decider.decide(command, state);
  if (decided instanceof DomainError) return { ok: false, error: decided };
  if (decided.length === 0) return { ok: true, state, events: [], revision };

  const result = await store.appendToStream(
    streamName,
    decided.map((event) => ({
      id: context.ids.next(),
      type: event.type,
      schemaVersion: context.schemaVersions?.[event.type] ?? 1,
      data: event.data,
      metadata: context.metadata,
    })),
    // The head's hash as read: the store need not read it again before chaining the new events.
    { expected: revision === null ? 'no_stream' : revision, expectedHash: stored.at(-1)?.metadata.hash },
  );
  const next = decided.reduce((s, event) => decider.evolve(s, event), state);
  return { ok: true, state: next, events: result.events, revision: result.nextExpectedRevision };
}
