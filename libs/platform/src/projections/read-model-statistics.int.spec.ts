import type { DataSource } from 'typeorm';
import { ReadModelStatistics } from './read-model-statistics';
import { openTestDatabase } from './testing/projection-test-kit';

/**
 * A table filled after its last analysis gets analysed (its statistics then exist), and one that
 * has not changed enough is left alone. Its own schema, so other suites' tables do not interfere.
 */
describe('ReadModelStatistics', () => {
  let dataSource: DataSource;
  const schema = `stats_test_${process.pid}`;
  const statsOf = async (table: string) =>
    dataSource.query<Array<{ attname: string }>>('SELECT attname FROM pg_stats WHERE schemaname = $1 AND tablename = $2', [schema, table]);

  /** Statistics counters reach pg_stat_user_tables a moment after the commit: wait until this run analyses it. */
  async function analysedSoon(statistics: ReadModelStatistics, table: string): Promise<boolean> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await statistics.analyzeStale()).includes(`${schema}.${table}`)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(`CREATE TABLE ${schema}.filled (id int PRIMARY KEY, code text)`);
    await dataSource.query(`CREATE TABLE ${schema}.small (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource.destroy();
  });

  it('analyses a table that filled since its last analysis, not one below the minimum, and again only once it doubled', async () => {
    const statistics = new ReadModelStatistics(dataSource, { minRows: 500 });
    await dataSource.query(`INSERT INTO ${schema}.filled SELECT g, 'c' || (g % 7) FROM generate_series(1, 2000) g`);
    await dataSource.query(`INSERT INTO ${schema}.small SELECT g FROM generate_series(1, 10) g`);
    expect(await statsOf('filled')).toEqual([]);
    expect(await analysedSoon(statistics, 'filled')).toBe(true);
    expect((await statsOf('filled')).map((row) => row.attname).sort()).toEqual(['code', 'id']);
    expect(await statsOf('small')).toEqual([]);
    // Analysed now: a second pass leaves it, until it has twice the rows.
    expect(await statistics.analyzeStale()).not.toContain(`${schema}.filled`);
    await dataSource.query(`UPDATE ${schema}.filled SET code = 'x'`);
    expect(await statistics.analyzeStale()).not.toContain(`${schema}.filled`);
    await dataSource.query(`INSERT INTO ${schema}.filled SELECT g, 'd' FROM generate_series(2001, 4100) g`);
    expect(await analysedSoon(statistics, 'filled')).toBe(true);
  });
});
