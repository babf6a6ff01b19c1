import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource, runMigrations } from '../../database/data-source';
import type { PostgresProjection } from '../postgres-projection';
import { queryRows } from '../sql-executor';

export const embedded = process.env.EMBEDDED_POSTGRES === '1';

/** Migrated database from the jest global setup; one connection against PGlite. */
export async function openTestDatabase(): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is set by the jest global setup');
  const dataSource = createDataSource({ url, poolSize: embedded ? 1 : 4, applicationName: 'projection-tests' });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/** A projection name (and table) no other test run uses, since tests share one database. */
export function uniqueProjectionName(label: string): string {
  return `t${randomBytes(4).toString('hex')}_${label}_v1`;
}

/** A read model of one row per `ItemAdded` event, recording every call to `apply`. */
export interface ItemsProjection extends PostgresProjection {
  readonly calls: RecordedEvent[];
  /** Set to make `apply` throw on matching events (a buggy handler); clear to "fix" it. */
  failWhen: ((event: RecordedEvent) => boolean) | null;
  /**
   * Awaited inside the transaction before each apply: lets a test pause a batch mid-flight. A read
   * here goes through `manager`, the page's own connection: the embedded PGlite has only that one.
   */
  beforeApply: ((event: RecordedEvent, manager: EntityManager) => Promise<void>) | null;
}

export function itemsProjection(name: string): ItemsProjection {
  const projection: ItemsProjection = {
    name,
    eventTypes: ['ItemAdded'],
    calls: [],
    failWhen: null,
    beforeApply: null,
    async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
      projection.calls.push(event);
      if (projection.beforeApply) await projection.beforeApply(event, manager);
      if (projection.failWhen?.(event)) throw new Error(`handler bug on ${event.id}`);
      // Primary key on the event id: a second application of an event would fail loudly.
      await manager.query(`INSERT INTO ${name} (event_id, position) VALUES ($1, $2)`, [event.id, event.position]);
    },
  };
  return projection;
}

export async function createItemsTable(dataSource: DataSource, name: string): Promise<void> {
  await dataSource.query(`CREATE TABLE ${name} (event_id uuid PRIMARY KEY, position text NOT NULL)`);
}

export async function dropProjection(dataSource: DataSource, name: string): Promise<void> {
  await dataSource.query(`DROP TABLE IF EXISTS ${name}`);
  await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
  await dataSource.query('DELETE FROM projection_leases WHERE name = $1', [name]);
}

export async function rowCount(dataSource: DataSource, table: string): Promise<number> {
  const [row] = await queryRows<{ count: string }>(dataSource, `SELECT count(*) AS count FROM ${table}`);
  return Number(row?.count ?? 0);
}

export interface CheckpointRow {
  position: string | null;
  events_processed: string;
  events_applied: string;
}

export async function checkpointOf(dataSource: DataSource, name: string): Promise<CheckpointRow | undefined> {
  const [row] = await queryRows<CheckpointRow>(
    dataSource,
    'SELECT position, events_processed, events_applied FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return row;
}

export async function leaseOwnerOf(dataSource: DataSource, name: string): Promise<string | undefined> {
  const [row] = await queryRows<{ owner: string }>(dataSource, 'SELECT owner FROM projection_leases WHERE name = $1', [name]);
  return row?.owner;
}

/** Polls an asynchronous condition (runners work in the background). */
export async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface RunnerTimings {
  readonly batchSize: number;
  readonly leaseTtlMs: number;
  readonly leaseRenewMs: number;
  readonly pollIntervalMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
}

/** Fast settings so tests do not wait on production timings. */
export const fastRunner: RunnerTimings = {
  batchSize: 100,
  leaseTtlMs: 2_000,
  leaseRenewMs: 100,
  pollIntervalMs: 100,
  retryInitialMs: 20,
  retryMaxMs: 100,
};
