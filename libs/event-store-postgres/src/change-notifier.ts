import { EventEmitter } from 'node:events';
import { abortableDelay } from '@cdtt/event-sourcing';
import { Client, type Pool } from 'pg';
import { CHANGE_CHANNEL } from './sql';

/** After a failed LISTEN connection, wait this long before trying again (polling covers meanwhile). */
const RECONNECT_DELAY_MS = 5_000;

/**
 * Opens LISTEN connections outside `pool`, with its settings, named `<pool's name>:<role>` so an
 * operator can tell them apart in pg_stat_activity.
 */
export function listenClientsOf(pool: Pool, role: string, fallbackName: string): () => Client {
  const applicationName = `${pool.options.application_name ?? fallbackName}:${role}`;
  return () => new Client({ ...pool.options, application_name: applicationName });
}

/** Which wake-ups a waiter takes: a notification's payload, or undefined for a local ring or a (re)connect. */
export type WakeUpFilter = (payload: string | undefined) => boolean;

/**
 * Wakes waiters: rung locally (after this instance's own commits), and, when a client factory is
 * given, by LISTEN on `channel` over a dedicated connection (never a pool connection: a LISTEN
 * must stay on one session, and it must not take a slot of the shared pool). A wake-up is only a
 * hint to read again; missing one costs at most a poll interval, never an event. The event store
 * uses it for appends; the API's read-your-writes waiter for projection checkpoints.
 */
export class ChangeNotifier {
  private readonly emitter = new EventEmitter();
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryAt = 0;
  private heard = false;
  private closed = false;

  constructor(
    private readonly newListenClient: (() => Client) | null,
    private readonly onListenError: (error: unknown) => void,
    /** An identifier of ours, never input: it is spliced into LISTEN. */
    private readonly channel: string = CHANGE_CHANNEL,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Wakes every waiter of this process (whatever its filter, when there is no payload). */
  ring(payload?: string): void {
    this.emitter.emit('change', payload);
  }

  /**
   * Whether wake-ups from other processes are known to arrive: the LISTEN connection is up and
   * has delivered at least one notification (the embedded PGlite accepts LISTEN but never
   * delivers across connections, so a waiter must not rely on it there).
   */
  get delivering(): boolean {
    return this.listener !== null && this.heard;
  }

  /**
   * Resolves on a wake-up `accept`s, after `timeoutMs` (the polling fallback), or when `signal`
   * aborts. It starts listening before it returns its promise, so a caller may call it first and
   * then check what it waits for: a wake-up in between is not lost.
   */
  async waitForChange(timeoutMs: number, signal: AbortSignal, accept: WakeUpFilter = () => true): Promise<void> {
    this.ensureListening();
    const inner = new AbortController();
    const stop = (): void => inner.abort();
    const wake = (payload: string | undefined): void => {
      if (payload === undefined || accept(payload)) stop();
    };
    this.emitter.on('change', wake);
    signal.addEventListener('abort', stop);
    try {
      await abortableDelay(timeoutMs, inner.signal);
    } finally {
      this.emitter.off('change', wake);
      signal.removeEventListener('abort', stop);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    this.ring();
    this.emitter.removeAllListeners();
  }

  /** Opens the LISTEN connection lazily (first wait), and again after it drops. */
  private ensureListening(): void {
    if (!this.newListenClient || this.listener || this.connecting || this.closed) return;
    if (Date.now() < this.retryAt) return;
    this.connecting = this.listen(this.newListenClient())
      .catch((error: unknown) => {
        this.retryAt = Date.now() + RECONNECT_DELAY_MS;
        this.onListenError(error);
      })
      .finally(() => {
        this.connecting = null;
      });
  }

  private async listen(client: Client): Promise<void> {
    client.on('notification', (message) => {
      this.heard = this.listener === client;
      this.ring(message.payload || undefined);
    });
    client.on('error', (error) => {
      this.drop(client);
      this.onListenError(error);
    });
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Commits made while nobody listened sent notifications no one heard: read again.
    this.ring();
  }

  private drop(client: Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.heard = false;
    this.retryAt = Date.now() + RECONNECT_DELAY_MS;
    client.end().catch(() => undefined);
  }
}
