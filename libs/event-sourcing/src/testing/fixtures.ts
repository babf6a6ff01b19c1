import type { NewEvent } from '../envelope/envelope';
import { uuidv7 } from '../ids/ids';

/** A fresh, collision-free stream name, so contract tests can share one database. */
export function uniqueStream(category = 'contract'): string {
  return `${category}-${uuidv7()}`;
}

export function newEvent(type: string, data: unknown = {}, id: string = uuidv7()): NewEvent {
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: id,
      causationId: null,
      actor: { clientId: 'contract-suite', role: 'ADMIN' },
      effectiveAt: '2025-07-01T00:00:00.000Z',
    },
  };
}

export function newEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` passes or the deadline expires (for asynchronous delivery). An async check
 * is awaited: a check that reads from a store must be retried on rejection, not left floating.
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}
