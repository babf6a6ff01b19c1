import type { DataSource } from 'typeorm';
import { embedded, openTestDatabase } from '../../projections/testing/projection-test-kit';
import { queryRows, type SqlExecutor } from '../../projections/sql-executor';
import { RecordedTimeTravel } from './recorded-time-travel';

/**
 * A tracked table of this file's own, kept between runs and emptied (history too) at the start of
 * each: tests share one database, and a tracked table dropped while another file's time travel
 * lists the tracked tables would fail that read.
 */
const TABLE = 'recorded_travel_probe_v1';
const MINUTE = 60_000;
/** PGlite has one connection, which the time travel holds: a second writer would wait for ever. */
const serverOnly = embedded ? it.skip : it;

describe('RecordedTimeTravel reads unchanged tables live (ADR 0026)', () => {
  let dataSource: DataSource;
  const base = Date.now() - 60 * MINUTE;
  const at = (minutes: number): string => new Date(base + minutes * MINUTE).toISOString();

  /** One write at a recorded instant, as a projection makes it (`cdtt.recorded_at`, ADR 0011). */
  const recordedAt = (minutes: number, sql: string): Promise<void> =>
    dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('cdtt.recorded_at', $1, true)", [at(minutes)]);
      await manager.query(sql);
    });

  /** The rows as known at the instant, and whether the table was shadowed by a view to read them. */
  const knownAt = (minutes: number): Promise<{ rows: string[]; shadowed: boolean }> =>
    new RecordedTimeTravel(dataSource).at(at(minutes), async (sql: SqlExecutor) => {
      const rows = await queryRows<{ key: string; value: string }>(sql, `SELECT key, value FROM ${TABLE} ORDER BY key`);
      const [view] = await queryRows<{ n: number }>(sql, 'SELECT count(*)::int AS n FROM pg_class WHERE relname = $1 AND relnamespace = pg_my_temp_schema()', [TABLE]);
      return { rows: rows.map((row) => `${row.key}=${row.value}`), shadowed: (view?.n ?? 0) > 0 };
    });

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await dataSource.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (key text PRIMARY KEY, value text NOT NULL)`);
    await dataSource.query('INSERT INTO recorded_history_tables (name) VALUES ($1) ON CONFLICT DO NOTHING', [TABLE]);
    await dataSource.query('SELECT audit_track_history($1)', [TABLE]);
    await dataSource.query(`TRUNCATE ${TABLE}, ${TABLE}_history`); // a truncate fires no row trigger
    // 0: a and b known; 10: a changed; 20: b deleted, which closes a version and opens none.
    await recordedAt(0, `INSERT INTO ${TABLE} (key, value) VALUES ('a', '1'), ('b', '1')`);
    await recordedAt(10, `UPDATE ${TABLE} SET value = '2' WHERE key = 'a'`);
    await recordedAt(20, `DELETE FROM ${TABLE} WHERE key = 'b'`);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('creates the closing index beside the opening one for every tracked history', async () => {
    const indexes = await queryRows<{ name: string; definition: string }>(
      dataSource,
      "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = $1 AND indexname LIKE '%\\_to'",
      [`${TABLE}_history`],
    );
    expect(indexes.map((index) => index.name)).toEqual([`${TABLE}_history_to`]);
    expect(indexes[0]?.definition).toContain('(recorded_to) WHERE (recorded_to IS NOT NULL)');
    const [missing] = await queryRows<{ n: number }>(
      dataSource,
      `SELECT count(*)::int AS n FROM recorded_history_tables r
       WHERE to_regclass(format('public.%I', r.name || '_history')) IS NOT NULL AND to_regclass(format('public.%I', r.name || '_history_to')) IS NULL`,
    );
    expect(missing?.n).toBe(0);
  });

  it('reads the live table when nothing was recorded at or after the instant', async () => {
    expect(await knownAt(25)).toEqual({ rows: ['a=2'], shadowed: false });
  });

  it('reads the history when a version was only closed after the instant (a delete)', async () => {
    // Nothing opened after minute 15, but b's version closed at 20: the live table has lost b.
    expect(await knownAt(15)).toEqual({ rows: ['a=2', 'b=1'], shadowed: true });
  });

  it('reads the history when a version was opened after the instant', async () => {
    expect(await knownAt(5)).toEqual({ rows: ['a=1', 'b=1'], shadowed: true });
    expect(await knownAt(-5)).toEqual({ rows: [], shadowed: true });
  });

  serverOnly('reads the live table and its history in one snapshot: a write after the check cannot split them', async () => {
    const seen = await new RecordedTimeTravel(dataSource).at(at(25), async (sql) => {
      await recordedAt(22, `INSERT INTO ${TABLE} (key, value) VALUES ('c', '1')`);
      return queryRows<{ key: string }>(sql, `SELECT key FROM ${TABLE} ORDER BY key`);
    });
    expect(seen.map((row) => row.key)).toEqual(['a']);
    expect((await knownAt(25)).rows).toEqual(['a=2', 'c=1']);
    expect(await knownAt(21)).toEqual({ rows: ['a=2'], shadowed: true });
  });
});
