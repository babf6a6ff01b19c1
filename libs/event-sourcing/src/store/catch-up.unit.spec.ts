import { EventEmitter } from 'node:events';
import { abortableDelay, catchUpSubscription, type RecordedEvent } from '@cdtt/event-sourcing';
import { eventually } from '@cdtt/event-sourcing/testing';

describe('catchUpSubscription', () => {
  it('re-reads soon after a wake-up that found the event not yet readable, not a whole poll later', async () => {
    const changes = new EventEmitter();
    const event = { position: '0001', streamName: 's-1' } as RecordedEvent;
    let readable = false;
    let reads = 0;
    const seen: RecordedEvent[] = [];
    const subscription = catchUpSubscription(
      {
        readAll: ({ after }) => {
          reads += 1;
          return Promise.resolve(readable && after === undefined ? [event] : []);
        },
        waitForChange: (timeoutMs, signal) => {
          const inner = new AbortController();
          const wake = (): void => inner.abort();
          changes.once('change', wake);
          signal.addEventListener('abort', wake);
          return abortableDelay(timeoutMs, inner.signal).finally(() => changes.off('change', wake));
        },
      },
      { onEvent: (e) => Promise.resolve(void seen.push(e)) },
      60_000,
    );
    try {
      await eventually(() => expect(reads).toBe(1));
      changes.emit('change'); // the wake-up arrives while an older transaction still hides the event
      await eventually(() => expect(reads).toBeGreaterThanOrEqual(2));
      readable = true; // the older transaction ends
      await eventually(() => expect(seen).toEqual([event]), 2_000);
    } finally {
      await subscription.stop();
    }
  });
});
