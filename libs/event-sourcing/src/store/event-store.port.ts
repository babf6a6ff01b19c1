import type { NewEvent, Position, RecordedEvent } from '../envelope/envelope';
import type { ExpectedState } from './expected-state';

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expected?: ExpectedState;
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
  /** Position of the last event visible to `readAll`, or null when empty. */
  headPosition(): Promise<Position | null>;
  /** Catch-up subscription over `$all`. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
