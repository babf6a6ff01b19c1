import { InMemoryEventStore } from '@cdtt/event-sourcing';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { applyEvents } from './apply-events';
import type { PostgresProjection } from './postgres-projection';
import { ProjectionApplyError } from './projection-errors';
import { queryRows } from './sql-executor';
import { inlineProjectionWrites, PREPARED_WRITE_PREFIX } from './prepared-writes';
import { embedded, openTestDatabase } from './testing/projection-test-kit';
import { queueSql, withWriteQueue } from './write-queue';

/**
 * The queue's own bookkeeping, not a write: whether the database keeps a session per connection
 * (asked once per data source) and the read-back of a session's names after a failure.
 */
const bookkeeping = (sql: string): boolean => sql.startsWith('SELECT version()') || sql.startsWith('SELECT name FROM pg_prepared_statements');

/** Counts the writes (and reads) that reach the server through a transaction's manager. */
function counted(manager: EntityManager): { manager: EntityManager; sent: string[] } {
  const sent: string[] = [];
  const original = manager.query.bind(manager);
  manager.query = (async (sql: string, parameters?: unknown[]) => {
    if (!bookkeeping(sql)) sent.push(sql);
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

  describe('prepared once per session (ADR 0022)', () => {
    // Texts of their own per test: the pool's connections keep what earlier tests prepared.
    let insert = '';
    let relabel = '';

    /** One page on `runner`'s connection, in its own transaction; returns the messages sent. */
    async function page(runner: QueryRunner, write: (queued: EntityManager) => Promise<void>): Promise<string[]> {
      await runner.startTransaction();
      const { manager, sent } = counted(runner.manager);
      try {
        await withWriteQueue(manager, write);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      return sent;
    }

    const preparedHere = async (runner: QueryRunner): Promise<string[]> =>
      (await queryRows<{ statement: string }>(runner.manager, 'SELECT name AS statement FROM pg_prepared_statements WHERE starts_with(name, $1)', [PREPARED_WRITE_PREFIX])).map(
        (row) => row.statement,
      );

    let runner: QueryRunner;
    let run = 0;
    beforeEach(async () => {
      run += 1;
      insert = `INSERT INTO ${table} (id, label, tags) VALUES ($1, $2, $3::text[]) -- test ${run}`;
      relabel = `UPDATE ${table} SET label = $2 WHERE id = $1 -- test ${run}`;
      runner = dataSource.createQueryRunner();
      await runner.connect();
    });
    afterEach(async () => {
      if (!runner.isReleased) await runner.release();
    });

    (embedded ? it.skip : it)('prepares each text once per connection and sends the values of each write as an EXECUTE', async () => {
      const before = await preparedHere(runner);
      const first = await page(runner, async (queued) => {
        for (let id = 1; id <= 3; id += 1) await queueSql(queued, insert, [id, `O'Brien \\ ${id}`, ['a', null]]);
        await queueSql(queued, relabel, [2, 'Hà Nội $1']);
      });
      expect(first).toHaveLength(1);
      expect(first[0]?.match(/PREPARE /g)).toHaveLength(2);
      expect(first[0]?.match(/EXECUTE /g)).toHaveLength(4);
      const names = await preparedHere(runner);
      expect(names.filter((name) => !before.includes(name))).toHaveLength(2);
      const second = await page(runner, (queued) => queueSql(queued, insert, [4, null, []]));
      expect(second).toEqual([expect.stringMatching(/^EXECUTE cdtt_w_\w+\('4', NULL, '\{\}'\)$/)]);
      expect(await preparedHere(runner)).toEqual(names);
      expect(await queryRows(dataSource, `SELECT id, label, tags FROM ${table} ORDER BY id`)).toEqual([
        { id: 1, label: "O'Brien \\ 1", tags: ['a', null] },
        { id: 2, label: 'Hà Nội $1', tags: ['a', null] },
        { id: 3, label: "O'Brien \\ 3", tags: ['a', null] },
        { id: 4, label: null, tags: [] },
      ]);
    });

    (embedded ? it.skip : it)('after a failed message, reads back what the session prepared instead of preparing it again', async () => {
      // Both statements are prepared by the failing message before its second insert breaks the key.
      const before = await preparedHere(runner);
      const failing = page(runner, async (queued) => {
        await queueSql(queued, insert, [1, 'kept?', []]);
        await queueSql(queued, relabel, [1, 'relabelled']);
        await queueSql(queued, insert, [1, 'duplicate', []]);
      });
      await expect(failing).rejects.toThrow(/duplicate key/);
      expect((await preparedHere(runner)).filter((name) => !before.includes(name))).toHaveLength(2);
      // Prepared again, the next page would fail: "prepared statement … already exists".
      const next = await page(runner, async (queued) => {
        await queueSql(queued, insert, [1, 'first', []]);
        await queueSql(queued, relabel, [1, 'second']);
      });
      expect(next.filter((sql) => sql.includes('PREPARE '))).toEqual([]);
      expect(await queryRows(dataSource, `SELECT id, label FROM ${table}`)).toEqual([{ id: 1, label: 'second' }]);
    });

    (embedded ? it.skip : it)('sends a text the server will not prepare inlined after its first failure', async () => {
      // $2 is never used: inlined, that is fine; prepared, its type cannot be determined.
      const gap = `INSERT INTO ${table} (id, label) VALUES ($1, $3) -- test ${run}`;
      const write = (queued: EntityManager): Promise<void> => queueSql(queued, gap, [1, 'unused', 'kept']);
      await expect(page(runner, write)).rejects.toMatchObject({ code: '42P18' });
      const retried = await page(runner, write);
      expect(retried).toEqual([`INSERT INTO ${table} (id, label) VALUES ('1', 'kept') -- test ${run}`]);
      expect(await queryRows(dataSource, `SELECT id, label FROM ${table}`)).toEqual([{ id: 1, label: 'kept' }]);
    });

    it('inlines the values on a data source whose writes an operator keeps unprepared (a transaction pooler)', async () => {
      await runner.release(); // PGlite's pool has one connection
      const pooled = await openTestDatabase();
      try {
        inlineProjectionWrites(pooled);
        const own = pooled.createQueryRunner();
        await own.connect();
        try {
          const sent = await page(own, (queued) => queueSql(queued, insert, [1, 'x', []]));
          expect(sent).toEqual([`INSERT INTO ${table} (id, label, tags) VALUES ('1', 'x', '{}'::text[]) -- test ${run}`]);
        } finally {
          await own.release();
        }
      } finally {
        await pooled.destroy();
      }
      expect(await queryRows(dataSource, `SELECT id, label FROM ${table}`)).toEqual([{ id: 1, label: 'x' }]);
    });

    it('inlines the values where a session cannot keep statements of its own', async () => {
      // On PGlite every connection shares one session; a manager without a connection of its own
      // may run each query on another pooled connection. Neither prepares anything.
      const onRunner = await page(runner, (queued) => queueSql(queued, insert, [1, 'x', []]));
      await runner.release(); // PGlite's pool has one connection
      const unbound = counted(dataSource.createEntityManager());
      await withWriteQueue(unbound.manager, (queued) => queueSql(queued, insert, [2, 'y', []]));
      expect(unbound.sent).toEqual([`INSERT INTO ${table} (id, label, tags) VALUES ('2', 'y', '{}'::text[]) -- test ${run}`]);
      if (embedded) expect(onRunner).toEqual([`INSERT INTO ${table} (id, label, tags) VALUES ('1', 'x', '{}'::text[]) -- test ${run}`]);
      else expect(onRunner).toEqual([expect.stringMatching(/^PREPARE cdtt_w_\w+ AS INSERT .*;\nEXECUTE cdtt_w_\w+\('1', 'x', '\{\}'\)$/s)]);
      expect(await queryRows(dataSource, `SELECT id FROM ${table} ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
    });
  });
});
