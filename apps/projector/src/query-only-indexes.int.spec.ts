import { createDataSource, runMigrations } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { projectorProjections } from './projector.projections';

/**
 * A misspelt name in a projection's `queryOnlyIndexes` would silently keep that index through a
 * catch-up, and an index another projection owns would be dropped under the wrong lease: every
 * declared name must be a non-unique index of the migrated schema, declared once (ADR 0025).
 */
describe('declared query-only indexes', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is set by the jest global setup');
    dataSource = createDataSource({ url, poolSize: 1, applicationName: 'projector-tests' });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('names non-unique indexes that exist after the migrations, each declared by one projection', async () => {
    const declared = projectorProjections.flatMap((projection) => (projection.queryOnlyIndexes ?? []).map((index) => ({ projection: projection.name, index })));
    const rows = await dataSource.query<Array<{ name: string }>>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
       WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisunique AND c.relname = ANY($1::text[])`,
      [declared.map((d) => d.index)],
    );
    const existing = new Set(rows.map((row) => row.name));

    expect(declared.length).toBeGreaterThanOrEqual(20);
    expect(declared.filter((d) => !existing.has(d.index))).toEqual([]);
    expect(new Set(declared.map((d) => d.index)).size).toBe(declared.length);
  });
});
