import type { DataSource } from 'typeorm';
import { embedded, openTestDatabase } from '../projections/testing/projection-test-kit';
import { createDataSource } from './data-source';
import { PreparedReads } from './prepared-reads';

describe('PreparedReads', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());

  /** The prepared statements of this owner on the connection that runs the check (itself one, when named). */
  const preparedHere = async (reads: PreparedReads, prefix: string) =>
    (await reads.query<Array<{ name: string; statement: string }>>('SELECT name, statement FROM pg_prepared_statements WHERE name LIKE $1 ORDER BY name', [`${prefix}%`]));

  it('answers as an unprepared query would, with values bound as parameters', async () => {
    const reads = new PreparedReads(dataSource, 'cdtt_test_same');
    const text = "SELECT $1::int + 1 AS n, $2::text AS s, '{\"a\":1}'::jsonb AS j, '2024-12-31'::date::text AS d";
    const values = [41, "it's"];
    const direct = await dataSource.query<unknown[]>(text, values);
    expect(await reads.query(text, values)).toEqual(direct);
    // A second call on a connection that has it prepared answers the same.
    expect(await reads.query(text, values)).toEqual(direct);
    expect(direct).toEqual([{ n: 42, s: "it's", j: { a: 1 }, d: '2024-12-31' }]);
  });

  (embedded ? it : it.skip)('sends statements unnamed on the embedded PostgreSQL, whose connections share one session', async () => {
    const reads = new PreparedReads(dataSource, 'cdtt_test_pglite');
    expect(await preparedHere(reads, 'cdtt_test_pglite')).toEqual([]);
  });

  (embedded ? it.skip : it)('prepares each text once per connection under a name of its own on a server', async () => {
    // A pool of one, so every call lands on the same session and its pg_prepared_statements.
    const single = createDataSource({ url: process.env.DATABASE_URL ?? '', poolSize: 1, applicationName: 'prepared-reads-test' });
    await single.initialize();
    try {
      const reads = new PreparedReads(single, 'cdtt_test_names');
      await reads.query('SELECT 1 AS one');
      await reads.query('SELECT 1 AS one');
      await reads.query('SELECT 2 AS two');
      const names = await preparedHere(reads, 'cdtt_test_names');
      // The two texts and the check itself: one name each, however often a text ran.
      expect(names.map((n) => n.statement).sort()).toEqual(
        ['SELECT 1 AS one', 'SELECT 2 AS two', 'SELECT name, statement FROM pg_prepared_statements WHERE name LIKE $1 ORDER BY name'].sort(),
      );
      expect(new Set(names.map((n) => n.name)).size).toBe(3);
      expect(names.every((n) => /^cdtt_test_names_[0-9a-f]{20}$/.test(n.name))).toBe(true);
    } finally {
      await single.destroy();
    }
  });
});
