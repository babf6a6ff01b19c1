import type { NewEvent, Position, RecordedEvent } from '../envelope/envelope';
import type { ExpectedState } from './expected-state';

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expected?: ExpectedState;
  /**
   * With an exact `expected` revision: the hash of the event at that revision, as the caller read
   * it. An adapter that chains hashes then knows the head without reading it and may append in
   * one round trip; it still checks the hash under the stream lock and takes its longer path when
   * the hash differs, so a wrong value costs time, never the chain. Ignored otherwise.
   */
  readonly expectedHash?: string;
}

export interface AppendResult {
  readonly streamName: string;
  /** Revision of the last event of the stream after this append. */
  readonly nextExpectedRevision: number;
  /** Position of the last appended event. */
  readonly position: Position;
  /** The events as stored (with revision, position, hashes). */
  readonly events: readonly RecordedEvent[];
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start: the first revision read forwards, or the highest read backwards. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  /** Only events recorded at or before this instant: "what the system knew then". */
  readonly recordedUpTo?: Date;
}

export interface ReadAllOptions {
  /** Exclusive: return events strictly after this position; omit to start at the beginning. */
  readonly after?: Position;
  readonly maxCount?: number;
}

export interface ReadAllOfTypesOptions {
  /** Exclusive: read strictly after this position; omit to start at the beginning. */
  readonly after?: Position;
  /** At most this many matching events. */
  readonly maxCount: number;
  /** Only events of these types are returned; the others are passed over (and counted). */
  readonly types: readonly string[];
}

/** A page of `$all` filtered by type, with how far the log was read to find it. */
export interface TypedPage {
  /** The matching events, in position order. */
  readonly events: RecordedEvent[];
  /**
   * The last event read, returned or passed over: a reader resumes after it, so events of other
   * types are never read again. Null when nothing is visible after `after`.
   */
  readonly through: { readonly position: Position; readonly recordedAt: string } | null;
  /** Events read, returned or passed over (for progress counters). */
  readonly scanned: number;
  /** True when the read stopped at the visible head rather than at `maxCount`: wait for more. */
  readonly atHead: boolean;
}

export interface SubscribeOptions {
  /** Resume strictly after this checkpoint; omit to start at the beginning. */
  readonly after?: Position;
  readonly onEvent: (event: RecordedEvent) => Promise<void>;
  readonly onError?: (error: unknown) => void;
  readonly batchSize?: number;
}

export interface Subscription {
  /** Stops delivery; resolves once the handler in flight has finished. */
  stop(): Promise<void>;
}

/**
 * The event-store port, with EventStoreDB semantics, implemented by every adapter and checked by
 * one contract suite (`@cdtt/event-sourcing/testing`).
 */
export interface EventStore {
  /**
   * Appends atomically. Idempotent by event id: the same events retried return the original
   * result; a used id with other content is an `EventIdConflictError`.
   */
  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Reads one stream; an unknown stream reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads the global log in position order (only events no earlier commit can precede). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * `readAll` for a reader that wants a few types: adapters that can filter where the events are
   * stored pass over the others without sending them (projections of a few types then skip most
   * of the log). Same visibility rule as `readAll`.
   */
  readAllOfTypes(options: ReadAllOfTypesOptions): Promise<TypedPage>;
  /** Position of the last event visible to `readAll`, or null when empty. */
  headPosition(): Promise<Position | null>;
  /** Catch-up subscription over `$all`. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
