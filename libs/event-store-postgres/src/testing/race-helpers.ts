import type { EventStore, Position, RecordedEvent, Subscription } from '@cdtt/event-sourcing';
import type { Pool, PoolClient } from 'pg';

/** Transactions a test opened and has not ended yet. */
const open = new Set<PoolClient>();

/** Opens a transaction on its own connection; the test decides when it ends. */
export async function begin(pool: Pool, isolation = 'READ COMMITTED'): Promise<PoolClient> {
  const client = await pool.connect();
  open.add(client);
  await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
  return client;
}

export async function finish(client: PoolClient, how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  open.delete(client);
  try {
    await client.query(how);
  } finally {
    client.release();
  }
}

/**
 * For afterEach: a test that failed half-way must not leave its transaction open, or it would
 * stall every later `$all` read and keep the pool from shutting down.
 */
export async function rollbackAbandoned(): Promise<void> {
  for (const client of [...open]) await finish(client, 'ROLLBACK').catch(() => undefined);
}

/** `$all` after a position, restricted to the given streams (other suites may share the database). */
export async function readAllOf(
  store: EventStore,
  after: Position | undefined,
  streams: readonly string[],
): Promise<RecordedEvent[]> {
  return (await store.readAll({ after })).filter((event) => streams.includes(event.streamName));
}

/** "<stream label><revision>" for readable order assertions. */
export function labelled(events: readonly RecordedEvent[], labels: Readonly<Record<string, string>>): string[] {
  return events.map((event) => `${labels[event.streamName] ?? '?'}${event.revision}`);
}

/** A subscription that collects the events of some streams. */
export function collect(
  store: EventStore,
  after: Position | undefined,
  streams: readonly string[],
): { readonly seen: RecordedEvent[]; readonly subscription: Subscription } {
  const seen: RecordedEvent[] = [];
  const subscription = store.subscribeToAll({
    after,
    onEvent: (event) => {
      if (streams.includes(event.streamName)) seen.push(event);
      return Promise.resolve();
    },
  });
  return { seen, subscription };
}

/**
 * Resolves once some session of this database waits for a lock: 'advisory' for an append blocked
 * on its stream lock, 'transactionid' for an insert blocked on another transaction's unique key.
 */
export async function waitForLockWaiter(pool: Pool, waitEvent: 'advisory' | 'transactionid', timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ waiting: string }>(
      `SELECT count(*)::text AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
      [waitEvent],
    );
    if (Number(rows[0]?.waiting ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error(`No session is waiting for a ${waitEvent} lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
