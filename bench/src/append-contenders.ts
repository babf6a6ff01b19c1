import { randomUUID } from 'node:crypto';
import { uuidv7, type NewEvent } from '@cdtt/event-sourcing';
import { PostgresEventStore } from '@cdtt/event-store-postgres';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { Pool } from 'pg';

/** Appends `count` events to a new stream in one command; returns the events written. */
export type Contender = (count: number) => Promise<number>;

/** A MemberJoined-sized payload, the same for every contender. */
function eventsOf(count: number): NewEvent[] {
  const metadata = { correlationId: randomUUID(), causationId: null, actor: { clientId: 'bench', role: 'ADMIN' }, effectiveAt: '2026-01-01T17:00:00.000Z' };
  return Array.from({ length: count }, () => ({
    id: uuidv7(),
    type: 'MemberJoined',
    schemaVersion: 1,
    data: { personId: randomUUID(), role: 'MEMBER', effectiveDate: '2026-01-02', decisionRef: null },
    metadata,
  }));
}

/** The registry's adapter: lock, idempotency check, expected state, hash chain, INSERT, NOTIFY. */
export function adapterContender(pool: Pool): { append: Contender; close: () => Promise<void> } {
  const store = new PostgresEventStore(pool, { notifications: 'poll' });
  return {
    append: async (count) => (await store.appendToStream(`bench-${randomUUID()}`, eventsOf(count), { expected: 'no_stream' })).events.length,
    close: () => store.close(),
  };
}

export const RAW_TABLE_DDL = `
  CREATE SCHEMA IF NOT EXISTS bench_raw;
  DROP TABLE IF EXISTS bench_raw.events;
  CREATE TABLE bench_raw.events (LIKE event_store.events INCLUDING ALL);`;

const RAW_INSERT = `
  INSERT INTO bench_raw.events (stream_name, revision, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT $1::text, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata, now()
  FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
    AS e(revision, event_id, type, schema_version, data, metadata)`;

/**
 * The physical ceiling: the same rows into a copy of the events table (same columns, keys and
 * indexes), one transaction per command, and nothing else: no lock, no checks, no hashes.
 */
export function rawContender(pool: Pool): Contender {
  return async (count) => {
    const events = eventsOf(count);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(RAW_INSERT, [
        `bench-${randomUUID()}`,
        events.map((_, i) => i),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return count;
  };
}

/** The peer: @event-driven-io/emmett-postgresql on the same pool settings, same payloads. */
export async function emmettContender(connectionString: string, pool: Pool): Promise<{ append: Contender; close: () => Promise<void> }> {
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  // Its schema is created on first use; do that before anything is timed.
  await store.appendToStream(`bench-${randomUUID()}`, [{ type: 'Warmup', data: {} }]);
  return {
    append: async (count) => {
      const events = eventsOf(count).map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata, messageId: e.id } }));
      await store.appendToStream(`bench-${randomUUID()}`, events, { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
      return count;
    },
    close: () => store.close(),
  };
}
