import type { Position, RecordedEvent } from '../envelope/envelope';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.port';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Resolves when new events may be visible, or after `timeoutMs` (the polling fallback). */
  waitForChange(timeoutMs: number, signal: AbortSignal): Promise<void>;
}

/**
 * A catch-up subscription built on `readAll`: reads pages from the checkpoint, then waits for a
 * wake-up (LISTEN/NOTIFY, an emitter, ...) or the poll interval. It never skips: the position it
 * resumes from is always the last one it delivered.
 */
const MIN_RECHECK_MS = 10;

export function catchUpSubscription(
  source: CatchUpSource,
  options: SubscribeOptions,
  pollIntervalMs = 1_000,
): Subscription {
  const controller = new AbortController();
  let checkpoint: Position | undefined = options.after;
  const batchSize = options.batchSize ?? 500;

  // A wake-up can arrive before the event is readable (PostgreSQL holds back events while an
  // older transaction is open): after a wake-up that found nothing, re-read soon, backing off to
  // the poll interval, instead of sleeping a whole interval.
  let recheckMs = 0;
  let woken = false;
  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const page = await source.readAll({ after: checkpoint, maxCount: batchSize });
      for (const event of page) {
        if (controller.signal.aborted) return;
        await options.onEvent(event);
        checkpoint = event.position;
      }
      if (page.length >= batchSize) continue;
      if (page.length > 0) recheckMs = 0;
      else if (woken) recheckMs = MIN_RECHECK_MS;
      else if (recheckMs > 0) recheckMs = recheckMs * 2 < pollIntervalMs ? recheckMs * 2 : 0;
      const timeoutMs = recheckMs > 0 ? recheckMs : pollIntervalMs;
      const started = Date.now();
      await source.waitForChange(timeoutMs, controller.signal);
      // Timers never fire early by more than rounding: an earlier return was a wake-up.
      woken = Date.now() - started < timeoutMs - 1;
    }
  };

  const running = loop().catch((error: unknown) => {
    if (!controller.signal.aborted) options.onError?.(error);
  });
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

/** A sleep that ends early when aborted. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * The subscriptions an adapter instance has handed out, so `close()` can stop them all; a
 * subscription stopped by its owner leaves the set.
 */
export class SubscriptionSet {
  private readonly live = new Set<Subscription>();

  track(inner: Subscription): Subscription {
    const tracked: Subscription = {
      stop: async () => {
        this.live.delete(tracked);
        await inner.stop();
      },
    };
    this.live.add(tracked);
    return tracked;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
  }
}
