import { createDataSource, poolOf, runMigrations } from '@cdtt/platform';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** True when the jest global setup serves an embedded PGlite: one backend, no real concurrency. */
export const EMBEDDED = process.env.EMBEDDED_POSTGRES === '1';

export interface TestDatabase {
  readonly dataSource: DataSource;
  /** The DataSource's pool, shared with the store as in production. */
  readonly pool: Pool;
  /** Another pool on the same database: a second process. The caller ends it. */
  newPool(max?: number, applicationName?: string): Pool;
  close(): Promise<void>;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through jest, whose global setup provides it');
  return url;
}

/** Opens and migrates the test database the way every process does (TypeORM DataSource). */
export async function openTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const url = databaseUrl();
  const dataSource = createDataSource({ url, poolSize: EMBEDDED ? 1 : poolSize, applicationName: 'event-store-postgres-tests' });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    pool: poolOf(dataSource),
    newPool: (max = 4, applicationName = 'event-store-postgres-tests') =>
      new Pool({ connectionString: url, max: EMBEDDED ? 1 : max, application_name: applicationName }),
    close: () => dataSource.destroy(),
  };
}

/** Rewrites a stored event's data behind the store's back, as someone with table access could. */
export async function tamperEvent(pool: Pool, streamName: string, revision: number, data: unknown): Promise<void> {
  const result = await pool.query('UPDATE event_store.events SET data = $3::jsonb WHERE stream_name = $1 AND revision = $2', [
    streamName,
    revision,
    JSON.stringify(data),
  ]);
  if (result.rowCount !== 1) throw new Error(`No event ${streamName}@${revision}`);
}
