import type { EventStore, Position, RecordedEvent, TypedPage } from '@cdtt/event-sourcing';
import { eventTypeFilter, type PostgresProjection } from './postgres-projection';
import { readProjectionPage } from './projection-page';
import type { StoreWakeUps } from './store-wake-ups';

export interface SharedLogOptions {
  /** Events per read of `$all`; one read serves every runner of the process. */
  readonly readSize?: number;
  /** Most events held; a runner further behind than this reads for itself. */
  readonly capacity?: number;
  /** A runner silent this long (failing, stopped, stuck) no longer keeps events in the window. */
  readonly idleMs?: number;
  /** A read that found the head, younger than this and with no ring since, still counts as the head. */
  readonly headFreshMs?: number;
}

interface Cursor {
  /** Where this runner's scan stands (exclusive); it keeps later events in the window. */
  after: Position | null;
  seenAt: number;
  /** Served from the window (false: it is behind the window and reads for itself). */
  attached: boolean;
}

type Through = TypedPage['through'];

/** `a` is strictly earlier than `b`; null is the start of the log, before every event. */
const earlier = (a: Position | null, b: Position | null): boolean => b !== null && (a === null || a < b);

/**
 * One reader of `$all` for every projection runner of a process (ADR 0018). Each runner used to read
 * its own pages: four projections read nearly the whole log at catch-up, and every append woke
 * eleven runners into eleven reads. Here a window of recent events is read once, in order, and each
 * runner's page is cut from it by the runner's types. The window keeps what the slowest attached
 * runner has still to scan, up to `capacity`; a runner that wants more waits for the laggards (the
 * cores are shared anyway) unless it already holds events to apply. A runner behind the window, or
 * one that fell idle, reads for itself, exactly as without the window, and rejoins when it reaches it.
 */
export class SharedLog {
  private events: RecordedEvent[] = [];
  /** Exclusive start of the window; `undefined` until the first runner asks. */
  private start: Position | null | undefined = undefined;
  private readonly cursors = new Map<string, Cursor>();
  private reading: Promise<void> | null = null;
  /** The last read that reached the head: the ring generation and time it started at. */
  private headRead: { readonly version: number; readonly at: number } | null = null;
  private readonly moved = new Set<() => void>();
  private readonly settings: Required<SharedLogOptions>;

  constructor(
    private readonly store: EventStore,
    private readonly wakeUps: StoreWakeUps,
    options: SharedLogOptions = {},
  ) {
    this.settings = { readSize: 2_000, capacity: 20_000, idleMs: 10_000, headFreshMs: 100, ...options };
    if (this.settings.capacity < this.settings.readSize) throw new Error('capacity must hold at least one read');
  }

  /** Events held now (for tests and status). */
  get size(): number {
    return this.events.length;
  }

  /** The runner's next page after `after`: what `readProjectionPage` would return, from the window. */
  async page(runner: string, projection: PostgresProjection, after: Position | null, maxCount: number, signal: AbortSignal): Promise<TypedPage> {
    const cursor = this.cursorOf(runner);
    if (!this.covers(after) && !this.restartAt(after)) {
      this.settle(cursor, after, false);
      return readProjectionPage(this.store, projection, after, maxCount);
    }
    const keep = eventTypeFilter(projection);
    const events: RecordedEvent[] = [];
    let scanned = 0;
    let through: Through = null;
    let from = after;
    for (;;) {
      for (let i = this.indexAfter(from); i < this.events.length && events.length < maxCount; i += 1) {
        const event = this.events[i] as RecordedEvent;
        scanned += 1;
        if (keep(event.type)) events.push(event);
        through = { position: event.position, recordedAt: event.recordedAt };
      }
      from = through?.position ?? from;
      // The scan point, not the page's start, holds the window (matches already taken are ours),
      // and it is settled before any wait, the only place the window shrinks.
      this.settle(cursor, from, true);
      // A page ends at `maxCount` matches, or after a window's worth of events with fewer (a sparse
      // projection's checkpoint still moves through the log, for status and for a quick restart).
      if (events.length >= maxCount || scanned >= this.settings.capacity) return { events, through, scanned, atHead: false };
      // At the head: hand over what was scanned rather than chase appends that keep arriving (the
      // runner's wake-up version tells it to come back at once if one rang meanwhile).
      if (this.atFreshHead() || (this.headRead !== null && scanned > 0)) return { events, through, scanned, atHead: true };
      if (!(await this.extend(events.length > 0, signal))) return { events, through, scanned, atHead: false };
    }
  }

  /** The runner stopped or failed: it no longer holds events in the window. */
  leave(runner: string): void {
    this.cursors.delete(runner);
    this.notifyMoved();
  }

  private cursorOf(runner: string): Cursor {
    let cursor = this.cursors.get(runner);
    if (!cursor) {
      cursor = { after: null, seenAt: 0, attached: false };
      this.cursors.set(runner, cursor);
    }
    return cursor;
  }

  private settle(cursor: Cursor, after: Position | null, attached: boolean): void {
    const moved = cursor.after !== after || cursor.attached !== attached;
    cursor.after = after;
    cursor.attached = attached;
    cursor.seenAt = performance.now();
    if (moved) this.notifyMoved();
  }

  private end(): Position | null {
    return this.events.at(-1)?.position ?? this.start ?? null;
  }

  private covers(after: Position | null): boolean {
    return this.start !== undefined && !earlier(after, this.start) && !earlier(this.end(), after);
  }

  /** Starts the window at `after` when no attached runner is inside it (first use, or all moved on). */
  private restartAt(after: Position | null): boolean {
    if (this.reading) return false;
    if (this.start !== undefined && earlier(after, this.end())) return false;
    const now = performance.now();
    for (const cursor of this.cursors.values()) {
      if (cursor.attached && now - cursor.seenAt < this.settings.idleMs && this.covers(cursor.after)) return false;
    }
    this.events = [];
    this.start = after;
    this.headRead = null;
    return true;
  }

  /** Index of the first held event after `after` (positions sort as strings). */
  private indexAfter(after: Position | null): number {
    if (after === null) return 0;
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.events[mid] as RecordedEvent).position <= after) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private atFreshHead(): boolean {
    const read = this.headRead;
    return read !== null && read.version === this.wakeUps.version && performance.now() - read.at < this.settings.headFreshMs;
  }

  /**
   * Reads the next events into the window (or waits for a read in flight). False when it could only
   * grow by waiting for slower runners and the caller holds events it can apply meanwhile.
   */
  private async extend(holding: boolean, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal.aborted) return false;
      if (this.reading) {
        await this.reading;
        return true;
      }
      this.evict();
      if (this.events.length + this.settings.readSize <= this.settings.capacity) {
        this.reading = this.readNext().finally(() => (this.reading = null));
        await this.reading;
        return true;
      }
      if (holding) return false;
      await this.nextMove(signal);
    }
  }

  private async readNext(): Promise<void> {
    const version = this.wakeUps.version;
    const at = performance.now();
    const end = this.end();
    const read = await this.store.readAll({ after: end ?? undefined, maxCount: this.settings.readSize });
    for (const event of read) this.events.push(event);
    this.headRead = read.length < this.settings.readSize ? { version, at } : null;
    this.notifyMoved();
  }

  /** Drops what every attached, live runner has scanned past. */
  private evict(): void {
    const now = performance.now();
    let keepAfter: Position | null | undefined;
    for (const cursor of this.cursors.values()) {
      if (!cursor.attached || now - cursor.seenAt >= this.settings.idleMs) continue;
      if (keepAfter === undefined || earlier(cursor.after, keepAfter)) keepAfter = cursor.after;
    }
    const cut = keepAfter === undefined ? this.events.length : this.indexAfter(keepAfter);
    if (cut === 0) return;
    this.start = (this.events[cut - 1] as RecordedEvent).position;
    this.events = this.events.slice(cut);
  }

  /** Until some runner moves (or leaves), a slow one falls idle, or the caller stops. */
  private nextMove(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.moved.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.settings.idleMs);
      this.moved.add(done);
      signal.addEventListener('abort', done);
    });
  }

  private notifyMoved(): void {
    for (const wake of [...this.moved]) wake();
  }
}
