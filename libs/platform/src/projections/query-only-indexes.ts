import type { DataSource } from 'typeorm';
import { quoteIdent } from './rebuild/read-model-tables';
import { queryRows, sqlStateOf, type SqlExecutor } from './sql-executor';

/**
 * Query-only indexes built at the head (ADR 0025). An index no handler of its projection reads
 * (only GraphQL reads do) costs every row a projection writes during a catch-up from the start of
 * the log, when nobody can read the half-built model usefully anyway. The runner drops such indexes
 * once a catch-up from zero is well under way and builds them again when it reaches the head, in
 * one sort each instead of millions of insertions.
 */

/** How long a drop may wait for readers of the table before the catch-up goes on with its indexes. */
const DROP_LOCK_TIMEOUT = '5s';
/** Sort memory of one index build (PostgreSQL's default is 64 MB; a national table sorts faster in more). */
const BUILD_SORT_MEMORY = '256MB';

export interface DeferredIndex {
  readonly name: string;
  readonly definition: string;
}

/**
 * Drops the named indexes of the current schema and records their definitions for
 * `buildDeferredIndexes`, in one transaction. Unique indexes are never dropped (they are rules,
 * not speed), nor names that do not exist (already dropped, or renamed by a migration). Returns
 * what was dropped; nothing if a reader held a table longer than the lock timeout (the catch-up
 * then simply keeps its indexes).
 */
export async function deferQueryOnlyIndexes(dataSource: DataSource, projection: string, names: readonly string[]): Promise<DeferredIndex[]> {
  if (names.length === 0) return [];
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = '${DROP_LOCK_TIMEOUT}'`);
      const deferred = await queryRows<DeferredIndex>(
        manager,
        `INSERT INTO projection_deferred_indexes (projection, index_name, definition)
         SELECT $1, c.relname, pg_get_indexdef(c.oid) FROM pg_class c
         JOIN pg_index i ON i.indexrelid = c.oid
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($2::text[]) AND NOT i.indisunique
         ON CONFLICT (projection, index_name) DO NOTHING
         RETURNING index_name AS name, definition`,
        [projection, names],
      );
      if (deferred.length > 0) await manager.query(`DROP INDEX ${deferred.map((index) => quoteIdent(index.name)).join(', ')}`);
      return deferred;
    });
  } catch (error) {
    if (sqlStateOf(error) === '55P03') return []; // lock_not_available: a reader held a table
    throw error;
  }
}

/** The indexes a projection has dropped and not built again (after a crash too). */
export async function deferredIndexesOf(dataSource: DataSource, projection: string): Promise<DeferredIndex[]> {
  return queryRows<DeferredIndex>(
    dataSource,
    'SELECT index_name AS name, definition FROM projection_deferred_indexes WHERE projection = $1 ORDER BY deferred_at, index_name',
    [projection],
  );
}

/**
 * Builds every index the projection deferred, each in its own transaction with the deletion of
 * its row, so a crash keeps what was built and the rest stays recorded. Calls `built` after each,
 * for progress.
 */
export async function buildDeferredIndexes(
  dataSource: DataSource,
  projection: string,
  built: (index: DeferredIndex, seconds: number) => void = () => undefined,
): Promise<number> {
  const deferred = await deferredIndexesOf(dataSource, projection);
  for (const index of deferred) {
    const start = performance.now();
    await buildAndForget(dataSource, projection, index);
    built(index, (performance.now() - start) / 1000);
  }
  return deferred.length;
}

/** Builds indexes from their definitions (a rebuild's shadow copies), each in its own transaction. */
export async function buildIndexes(dataSource: DataSource, definitions: readonly string[]): Promise<void> {
  for (const definition of definitions) await dataSource.transaction((manager) => buildIndex(manager, definition));
}

/** One deferred index built and its record deleted, in one transaction: a crash keeps either both or neither. */
async function buildAndForget(dataSource: DataSource, projection: string, index: DeferredIndex): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await buildIndex(manager, index.definition);
    await forgetDeferral(manager, projection, index.name);
  });
}

const forgetDeferral = (executor: SqlExecutor, projection: string, name: string): Promise<unknown> =>
  executor.query('DELETE FROM projection_deferred_indexes WHERE projection = $1 AND index_name = $2', [projection, name]);

/** `IF NOT EXISTS`: a migration may have made the index again meanwhile. */
async function buildIndex(manager: SqlExecutor, definition: string): Promise<void> {
  await manager.query(`SET LOCAL maintenance_work_mem = '${BUILD_SORT_MEMORY}'`);
  await manager.query(definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
}

export interface RetiredDeferrals {
  /** Indexes built again, their tables still there. */
  readonly built: number;
  /** Records dropped because their table was gone (dropped with its projection). */
  readonly forgotten: number;
}

/**
 * Indexes deferred by projections this deployment no longer knows (removed while catching up from
 * zero): no runner of theirs will reach the head to build them. Each is built again if its table
 * is still there, or its record dropped if the table went with its projection, each in its own
 * transaction. `isKnown` must accept every projection of the deployment, not one process's selection,
 * or another process's catch-up would get its indexes back half-way; a projection whose lease is
 * held (an older build still running it, during a rolling deployment) is left to its runner.
 */
export async function settleRetiredDeferrals(dataSource: DataSource, isKnown: (projection: string) => boolean, log: (message: string) => void = () => undefined): Promise<RetiredDeferrals> {
  const recorded = await queryRows<DeferredIndex & { projection: string }>(
    dataSource,
    `SELECT d.projection, d.index_name AS name, d.definition FROM projection_deferred_indexes d
     WHERE NOT EXISTS (SELECT 1 FROM projection_leases l WHERE l.name = d.projection AND l.expires_at > now())
     ORDER BY d.deferred_at, d.index_name`,
  );
  const retired = recorded.filter((index) => !isKnown(index.projection));
  let built = 0;
  let forgotten = 0;
  for (const index of retired) {
    try {
      await buildAndForget(dataSource, index.projection, index);
      built += 1;
      log(`built ${index.name}, deferred by ${index.projection}, which this deployment no longer runs`);
    } catch (error) {
      if (sqlStateOf(error) !== '42P01') throw error; // undefined_table: it went with its projection
      await forgetDeferral(dataSource, index.projection, index.name);
      forgotten += 1;
      log(`forgot ${index.name}, deferred by ${index.projection}: its table is gone`);
    }
  }
  return { built, forgotten };
}
