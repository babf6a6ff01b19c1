/**
 * The event envelope. Events are facts: their `type` never changes once shipped; shape changes go
 * through upcasters keyed by `schemaVersion`.
 */

/** Who caused an event: the API client (or operator) and the role it acted in. */
export interface Actor {
  readonly clientId: string;
  readonly role: string;
}

/** Metadata the caller supplies. `effectiveAt` is when the fact takes effect in the world. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** ISO-8601 instant; the effective clock used by time-travel queries. */
  readonly effectiveAt: string;
}

/** Metadata after append: the store adds the audit chain. */
export interface RecordedMetadata extends EventMetadata {
  /** SHA-256 (hex) of the previous event of the same stream; 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) of prevHash ‖ canonical JSON of this event without its hash. */
  readonly hash: string;
}

/** An event as a caller hands it to the store. `id` is a UUIDv7 chosen by the caller. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/**
 * Opaque, string-sortable position in the global log (`$all`). Compare with `<`/`>` on strings;
 * never parse outside the adapter that produced it.
 */
export type Position = string;

/** An event as the store returns it. */
export interface RecordedEvent<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly data: TData;
  readonly metadata: RecordedMetadata;
  readonly streamName: string;
  /** 0-based revision within the stream. */
  readonly revision: number;
  readonly position: Position;
  /** When the store learned the fact (ISO-8601); the recorded clock of time-travel queries. */
  readonly recordedAt: string;
}

/** The 64-zero hash that precedes the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);
