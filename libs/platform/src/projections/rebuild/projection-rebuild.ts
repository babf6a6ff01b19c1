import type { EventStore, Position } from '@cdtt/event-sourcing';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProgressBar } from '../../cli/progress-bar';
import { applyEvents } from '../apply-events';
import type { PostgresProjection } from '../postgres-projection';
import { readProjectionPage } from '../projection-page';
import { sqlStateOf } from '../sql-executor';
import { quoteIdent } from './read-model-tables';
import { createShadowSchema, dropSchema, dropShadowQueryIndexes, retiredSchemaOf, shadowSchemaOf, swapTables, tablesWrittenInTransaction } from './shadow-schema';
import { buildIndexes } from '../query-only-indexes';
import { ReadModelStatistics } from '../read-model-statistics';

export interface RebuildOptions {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projection: PostgresProjection;
  readonly progress?: ProgressBar | null;
  /** Switch reads to the rebuilt tables when caught up (default); false leaves them in the shadow schema. */
  readonly switchReads?: boolean;
  /** Lease owner while switching, e.g. `cli:host:pid`. */
  readonly owner: string;
  readonly batchSize?: number;
}

export interface RebuildResult {
  readonly projection: string;
  readonly position: Position | null;
  readonly events: number;
  readonly applied: number;
  /** The read-model tables the projection wrote: the ones it owns. */
  readonly tables: readonly string[];
  /** Where the rebuilt tables are: `public` after a switch, else the shadow schema. */
  readonly schema: string;
}

/** How long the rebuild holds the live projection's lease while switching (a crash lets it lapse). */
const SWITCH_LEASE_MS = 10 * 60_000;

interface Progress {
  position: Position | null;
  events: number;
  applied: number;
  readonly tables: Set<string>;
}

/**
 * Rebuilds a projection from the start of the log beside the live one (ADR 0011): into empty
 * copies of the read-model tables in a shadow schema, through the projection's own unqualified
 * SQL under `search_path = <shadow>, public`. When caught up, it takes the live projection's lease
 * (its runner stands by), catches up the last events and swaps the tables it wrote into `public`
 * in one transaction with the checkpoint; readers see the old tables until that commit, the new
 * ones after. Tables it never wrote stay live.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { dataSource, projection } = options;
  const shadow = shadowSchemaOf(projection.name);
  await createShadowSchema(dataSource, shadow);
  // Nobody reads the shadow until the switch: its query-only indexes are built once, at the end (ADR 0025).
  const deferred = await dropShadowQueryIndexes(dataSource, shadow, projection.queryOnlyIndexes ?? []);
  const state: Progress = { position: null, events: 0, applied: 0, tables: new Set() };
  // The shadow tables start empty: keep their planner statistics current as they fill (ADR 0017).
  const statistics = new ReadModelStatistics(dataSource);
  statistics.start();
  try {
    while (await dataSource.transaction((manager) => applyPage(manager, options, shadow, state))) {
      /* pages until caught up */
    }
  } finally {
    await statistics.stop();
  }
  await buildIndexes(dataSource, deferred);
  if (options.switchReads === false) {
    options.progress?.finish();
    return { projection: projection.name, ...state, tables: [...state.tables].sort(), schema: shadow };
  }
  // Without per-transaction statistics (track_counts off) nothing says which tables to swap.
  if (state.applied > 0 && state.tables.size === 0) throw new Error(`rebuild of ${projection.name}: could not tell which tables it wrote (is track_counts off?)`);
  await takeLease(dataSource, projection.name, options.owner);
  try {
    await switchWithRetry(options, shadow, state);
  } finally {
    await releaseLease(dataSource, projection.name, options.owner);
  }
  options.progress?.finish();
  await dropSchema(dataSource, shadow);
  await dropSchema(dataSource, retiredSchemaOf(projection.name));
  return { projection: projection.name, ...state, tables: [...state.tables].sort(), schema: 'public' };
}

/**
 * The switch transaction. A runner batch that began before our takeover may hold a row lock on
 * one live table and wait for another we locked: PostgreSQL then aborts one side as a deadlock.
 * When it is ours, the page state is restored and the switch retried (the runner's batch fails
 * its fence anyway).
 */
async function switchWithRetry(options: RebuildOptions, shadow: string, state: Progress): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const before = { position: state.position, events: state.events, applied: state.applied, tables: new Set(state.tables) };
    try {
      await options.dataSource.transaction(async (manager) => {
        await lockLiveTables(manager, state.tables);
        while (await applyPage(manager, options, shadow, state)) {
          /* the last events, with writers locked out */
        }
        await lockLiveTables(manager, state.tables);
        await swapTables(manager, [...state.tables].sort(), shadow, retiredSchemaOf(options.projection.name));
        await manager.query(
          // The live tables were replaced: a new data version (ADR 0024), whatever the counts say.
          `UPDATE projection_checkpoints SET position = $2, events_processed = $3, events_applied = $4, updated_at = now(), data_changed_at = clock_timestamp() WHERE name = $1`,
          [options.projection.name, state.position, state.events, state.applied],
        );
      });
      return;
    } catch (error) {
      if (!isDeadlock(error) || attempt >= 3) throw error;
      Object.assign(state, { position: before.position, events: before.events, applied: before.applied });
      state.tables.clear();
      before.tables.forEach((t) => state.tables.add(t));
    }
  }
}

const isDeadlock = (error: unknown): boolean => sqlStateOf(error) === '40P01';

/** One page of the projection's events into the shadow tables; false when there was nothing left to read. */
async function applyPage(manager: EntityManager, options: RebuildOptions, shadow: string, state: Progress): Promise<boolean> {
  const page = await readProjectionPage(options.store, options.projection, state.position, options.batchSize ?? 1_000);
  if (!page.through) return false;
  // SET LOCAL: the search path reverts at commit, so the pooled connection is left as found.
  await manager.query(`SET LOCAL search_path TO ${quoteIdent(shadow)}, public`);
  await applyEvents(options.projection, page.events, manager);
  const applied = page.events.length;
  for (const table of await tablesWrittenInTransaction(manager, shadow)) state.tables.add(table);
  state.applied += applied;
  state.events += page.scanned;
  state.position = page.through.position;
  options.progress?.advance(page.scanned);
  return true;
}

/** Waits for the live runner's batch in flight, and keeps its next one out until the switch commits. */
async function lockLiveTables(manager: EntityManager, tables: ReadonlySet<string>): Promise<void> {
  if (tables.size === 0) return;
  const names = [...tables].sort().map((t) => `public.${quoteIdent(t)}`);
  await manager.query(`LOCK TABLE ${names.join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

/** An operator's takeover: the live runner's next fence fails and it stands by until we release. */
async function takeLease(dataSource: DataSource, name: string, owner: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO projection_leases AS l (name, owner, acquired_at, expires_at) VALUES ($1, $2, now(), now() + $3 * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at`,
    [name, owner, SWITCH_LEASE_MS],
  );
  await dataSource.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
}

async function releaseLease(dataSource: DataSource, name: string, owner: string): Promise<void> {
  await dataSource.query(`UPDATE projection_leases SET expires_at = now() - interval '1 second' WHERE name = $1 AND owner = $2`, [name, owner]);
}
