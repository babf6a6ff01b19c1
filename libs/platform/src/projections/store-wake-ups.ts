import { abortableDelay, type EventStore, type Subscription } from '@cdtt/event-sourcing';

/**
 * A doorbell over the store's own catch-up subscription (LISTEN/NOTIFY on PostgreSQL, push on
 * EventStoreDB, an emitter in memory), so idle runners react in milliseconds without polling the
 * database hard. It only rings: runners read their own pages from their checkpoints. One instance
 * can serve every runner of a process.
 */
export class StoreWakeUps {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private subscription: Subscription | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly restartDelayMs = 1_000,
  ) {}

  /** Changes whenever new events arrive; pass it to `wait` to close the read-then-wait race. */
  get version(): number {
    return this.generation;
  }

  async start(): Promise<void> {
    this.stopped = false;
    // Subscribing from the head: only events after start ring; runners catch up by reading anyway.
    const head = await this.store.headPosition();
    if (this.stopped) return;
    this.subscription = this.store.subscribeToAll({
      after: head ?? undefined,
      onEvent: () => Promise.resolve(this.ring()),
      onError: (error) => this.restartLater(error),
    });
  }

  /** Resolves when the version differs from `seen`, after `timeoutMs` (polling fallback) or on abort. */
  async wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation !== seen) return;
    const inner = new AbortController();
    const wake = (): void => inner.abort();
    this.waiters.add(wake);
    signal.addEventListener('abort', wake);
    try {
      await abortableDelay(timeoutMs, inner.signal);
    } finally {
      this.waiters.delete(wake);
      signal.removeEventListener('abort', wake);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    this.ring();
  }

  private ring(): void {
    this.generation += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** A broken subscription only costs latency (runners still poll); resubscribe after a pause. */
  private restartLater(error: unknown): void {
    this.onError(error);
    this.subscription = null;
    if (this.stopped) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start().catch((failure: unknown) => this.restartLater(failure));
    }, this.restartDelayMs);
  }
}
