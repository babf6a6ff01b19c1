import type { EventStore } from '../../store/event-store.port';

/** What an adapter's test file hands to the contract suite. */
export interface ContractHarness {
  readonly store: EventStore;
  /** A new store instance over the same storage: a process restart. */
  reopen(): Promise<EventStore>;
  /**
   * Rewrites one stored event's data behind the store's back (an attacker with write access).
   * Absent where the backend has no in-place edit at all (EventStoreDB: events are immutable);
   * the tamper step is then reported as not applicable and the adapter tests a forged copy.
   */
  readonly tamper?: (streamName: string, revision: number, data: unknown) => Promise<void>;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /**
   * False where the backend cannot see ids across streams (EventStoreDB deduplicates per stream
   * only); the cross-stream reuse test is then reported as not applicable, not faked.
   */
  readonly detectsIdReuseAcrossStreams?: boolean;
}

/**
 * What every part of the suite reads. `store` and `harness` exist only once the suite's
 * `beforeAll` has run, so parts read them inside their tests, never while declaring them.
 */
export interface ContractContext {
  readonly adapterName: string;
  readonly options: ContractOptions;
  readonly harness: ContractHarness;
  readonly store: EventStore;
}
