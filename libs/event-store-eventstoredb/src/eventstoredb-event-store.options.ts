import { systemClock, type Clock } from '@cdtt/event-sourcing';

export interface EventStoreDbEventStoreOptions {
  /** Source of `recordedAt` (stored in event metadata and covered by the hash). Default: system clock. */
  readonly clock?: Clock;
  /** Deadline for every single client call; the client itself can wait forever. Default 10 000 ms. */
  readonly callTimeoutMs?: number;
  /** How often an idle `subscribeToAll` polls `$all` for new events. Default 250 ms. */
  readonly pollIntervalMs?: number;
  /** How many of a stream's newest events an append reads to detect a retried batch. Default 64. */
  readonly idempotencyWindow?: number;
  /**
   * How many times an `any`/`stream_exists` append re-reads the head and retries when another
   * writer got in between (the chain must stay linear, so we always write at an exact revision).
   * Default 5.
   */
  readonly maxAppendAttempts?: number;
}

export type ResolvedOptions = Required<EventStoreDbEventStoreOptions>;

export function resolveOptions(options: EventStoreDbEventStoreOptions): ResolvedOptions {
  return {
    clock: options.clock ?? systemClock,
    callTimeoutMs: options.callTimeoutMs ?? 10_000,
    pollIntervalMs: options.pollIntervalMs ?? 250,
    idempotencyWindow: options.idempotencyWindow ?? 64,
    maxAppendAttempts: options.maxAppendAttempts ?? 5,
  };
}
