import { InMemoryEventStore } from '@cdtt/event-sourcing';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { applyEvents } from './apply-events';
import type { PostgresProjection } from './postgres-projection';
import { ProjectionApplyError } from './projection-errors';
import { queryRows } from './sql-executor';
import { openTestDatabase } from './testing/projection-test-kit';
import { queueSql, withWriteQueue } from './write-queue';

/** Counts what reaches the server through a transaction's manager. */
function counted(manager: EntityManager): { manager: EntityManager; sent: string[] } {
  const sent: string[] = [];
  const original = manager.query.bind(manager);
  manager.query = (async (sql: string, parameters?: unknown[]) => {
    sent.push(sql);
    return original(sql, parameters);
  }) as EntityManager['query'];
  return { manager, sent };
}

describe('queued projection writes', () => {
  let dataSource: DataSource;
  const table = `write_queue_probe_${process.pid}_${Math.floor(Math.random() * 1e6)}`;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await dataSource.query(`CREATE TABLE ${table} (id int PRIMARY KEY, label text, tags text[], at timestamptz, doc jsonb)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await dataSource.destroy();
  });
  beforeEach(async () => {
    await dataSource.query(`DELETE FROM ${table}`);
  });

  it('sends a page of writes as one message, values intact, and a read sees the writes queued before it', async () => {
    const seen = await dataSource.transaction(async (transaction) => {
      const { manager, sent } = counted(transaction);
      const read = await withWriteQueue(manager, async (queued) => {
        for (let id = 1; id <= 50; id += 1) {
          await queueSql(queued, `INSERT INTO ${table} (id, label, tags, at, doc) VALUES ($1, $2, $3::text[], $4, $5::jsonb)`, [
            id,
            `O'Brien \\ Hà Nội $1 ${id}`,
            ['a', 'b"c', null],
            new Date('2025-07-01T00:00:00.000Z'),
            JSON.stringify({ id }),
          ]);
        }
        expect(sent).toHaveLength(0);
        const rows = await queryRows<{ n: number }>(queued, `SELECT count(*)::int AS n FROM ${table}`);
        await queueSql(queued, `UPDATE ${table} SET label = NULL WHERE id = $1`, [50]);
        return rows[0]?.n;
      });
      expect(sent).toHaveLength(3); // the 50 inserts, the read, the update
      return read;
    });
    expect(seen).toBe(50);
    const rows = await queryRows<{ label: string | null; tags: Array<string | null>; at: string; doc: { id: number } }>(
      dataSource,
      `SELECT label, tags, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at, doc FROM ${table} WHERE id IN (7, 50) ORDER BY id`,
    );
    expect(rows).toEqual([
      { label: `O'Brien \\ Hà Nội $1 7`, tags: ['a', 'b"c', null], at: '2025-07-01T00:00', doc: { id: 7 } },
      { label: null, tags: ['a', 'b"c', null], at: '2025-07-01T00:00', doc: { id: 50 } },
    ]);
  });

  it('runs a write at once outside a queue', async () => {
    await dataSource.transaction(async (transaction) => {
      const { manager, sent } = counted(transaction);
      await queueSql(manager, `INSERT INTO ${table} (id) VALUES ($1)`, [1]);
      expect(sent).toHaveLength(1);
    });
  });

  it('fails the page, naming it, when a queued write fails when sent, and nothing of the page stays', async () => {
    const store = new InMemoryEventStore();
    const events = (await store.appendToStream(uniqueStream('q'), newEvents(3, 'Probed'))).events;
    const projection: PostgresProjection = {
      name: 'write_queue_probe_v1',
      eventTypes: ['Probed'],
      // The same id for every event: the second insert breaks the primary key, but only when sent.
      apply: (event, manager) => queueSql(manager, `INSERT INTO ${table} (id, label) VALUES (1, $1)`, [event.id]),
    };
    const failure = dataSource.transaction((manager) => applyEvents(projection, events, manager));
    await expect(failure).rejects.toBeInstanceOf(ProjectionApplyError);
    await expect(failure).rejects.toThrow(/the page from Probed .* to .*duplicate key/);
    expect(await queryRows(dataSource, `SELECT id FROM ${table}`)).toEqual([]);
  });
});
