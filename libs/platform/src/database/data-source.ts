import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { Client, type Pool } from 'pg';
import { allMigrations } from '../../../../migrations';
import { ensureRecordedHistory } from '../audit/recorded/recorded-history';

export interface DatabaseOptions {
  readonly url: string;
  /** 1 against the embedded PostgreSQL (PGlite serialises every connection anyway). */
  readonly poolSize?: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string>;
  readonly applicationName?: string;
}

/**
 * Every session runs without JIT compilation. PostgreSQL compiles a query when its estimated cost
 * passes `jit_above_cost`, and the estimates of generic plans (the prepared `$all` reads) grow with
 * the events table: on the national log the typed read was estimated at millions, spent ~1.2 s
 * compiling and 6 ms running, for every page of every projection (ADR 0017). Nothing here is long
 * enough for compiled expressions to repay that.
 */
const SESSION_OPTIONS = '-c jit=off';

/**
 * The one TypeORM DataSource of a process. Schema changes only through migrations
 * (`synchronize` is off); entities stay private to the lib that owns them.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  const config: DataSourceOptions = {
    type: 'postgres',
    url: options.url,
    synchronize: false,
    migrationsRun: false,
    migrations: allMigrations,
    migrationsTableName: 'typeorm_migrations',
    entities: options.entities ?? [],
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'cdtt-registry', options: SESSION_OPTIONS },
    logging: false,
  };
  return new DataSource(config);
}

/**
 * The pg Pool underneath TypeORM, shared with the event store so a process holds one pool
 * (and the embedded PostgreSQL sees one connection).
 */
export function poolOf(dataSource: DataSource): Pool {
  const driver = dataSource.driver as unknown as { master?: Pool };
  if (!driver.master) throw new Error('DataSource is not initialised or not PostgreSQL');
  return driver.master;
}

/** An arbitrary constant: the advisory-lock key that serialises migration runs across instances. */
const MIGRATION_LOCK_KEY = 2_025_557_001;

/**
 * Runs pending migrations under a session advisory lock, so several instances (or test
 * workers) starting together migrate once and never race. The lock lives on its own
 * connection, outside the pool: with a pool of one (embedded PostgreSQL) holding it on a pooled
 * connection would starve the migration itself.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const options = dataSource.options as { url?: string };
  const lock = new Client({ connectionString: options.url, application_name: 'cdtt-migrations' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    // Tables created or altered by later migrations get their recorded history (ADR 0011).
    await ensureRecordedHistory(dataSource);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
