import { EventEmitter } from 'node:events';
import { abortableDelay } from '@cdtt/event-sourcing';
import type { Client } from 'pg';
import { CHANGE_CHANNEL } from './sql';

/** After a failed LISTEN connection, wait this long before trying again (polling covers meanwhile). */
const RECONNECT_DELAY_MS = 5_000;

/**
 * Wakes catch-up subscriptions: rung locally after this instance's own commits, and, when a
 * client factory is given, by LISTEN on a dedicated connection (never a pool connection: a LISTEN
 * must stay on one session, and it must not take a slot of the shared pool). A wake-up is only a
 * hint to read again; missing one costs at most a poll interval, never an event.
 */
export class ChangeNotifier {
  private readonly emitter = new EventEmitter();
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly newListenClient: (() => Client) | null,
    private readonly onListenError: (error: unknown) => void,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Wakes every waiter of this process. */
  ring(): void {
    this.emitter.emit('change');
  }

  /** Resolves on a wake-up, after `timeoutMs` (the polling fallback), or when `signal` aborts. */
  async waitForChange(timeoutMs: number, signal: AbortSignal): Promise<void> {
    this.ensureListening();
    const inner = new AbortController();
    const wake = (): void => inner.abort();
    this.emitter.once('change', wake);
    signal.addEventListener('abort', wake);
    try {
      await abortableDelay(timeoutMs, inner.signal);
    } finally {
      this.emitter.off('change', wake);
      signal.removeEventListener('abort', wake);
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
    client.on('notification', () => this.ring());
    client.on('error', (error) => {
      this.drop(client);
      this.onListenError(error);
    });
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
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
    this.retryAt = Date.now() + RECONNECT_DELAY_MS;
    client.end().catch(() => undefined);
  }
}
