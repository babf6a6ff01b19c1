import { queryRows, type SqlExecutor } from '../sql-executor';
import { quoteIdent, readModelTables } from './read-model-tables';

/** Schema names derive from the projection name, which `assertVersionedName` keeps to [a-z0-9_]. */
export const shadowSchemaOf = (projection: string): string => `rebuild_${projection}`;
export const retiredSchemaOf = (projection: string): string => `retired_${projection}`;

/**
 * An empty copy of every read-model table (columns, defaults, identities, indexes) in a fresh
 * schema. With `search_path = <shadow>, public` a projection's unqualified SQL then writes only
 * there, while bookkeeping tables (NOT_READ_MODELS) still resolve to `public`.
 */
export async function createShadowSchema(executor: SqlExecutor, schema: string): Promise<void> {
  await executor.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await executor.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  for (const table of await readModelTables(executor)) {
    await executor.query(`CREATE TABLE ${quoteIdent(schema)}.${quoteIdent(table)} (LIKE public.${quoteIdent(table)} INCLUDING ALL)`);
    await copyTriggers(executor, table, schema);
  }
}

/**
 * LIKE copies no triggers; the recorded-history triggers (ADR 0011) must fire in the shadow too,
 * and move with the table at the switch. Their functions name tables unqualified, so under the
 * rebuild's search_path they write the shadow history.
 */
async function copyTriggers(executor: SqlExecutor, table: string, schema: string): Promise<void> {
  const triggers = await queryRows<{ definition: string }>(
    executor,
    `SELECT pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
     WHERE t.tgrelid = format('public.%I', $1::text)::regclass AND NOT t.tgisinternal`,
    [table],
  );
  const on = new RegExp(` ON (public\\.)?("?)${table}\\2 `);
  for (const { definition } of triggers) {
    await executor.query(definition.replace(on, ` ON ${quoteIdent(schema)}.${quoteIdent(table)} `));
  }
}

export async function dropSchema(executor: SqlExecutor, schema: string): Promise<void> {
  await executor.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
}

/** Tables of `schema` this transaction inserted, updated or deleted rows in (PostgreSQL's per-transaction statistics). */
export async function tablesWrittenInTransaction(executor: SqlExecutor, schema: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    executor,
    `SELECT relname AS name FROM pg_stat_xact_user_tables
     WHERE schemaname = $1 AND n_tup_ins + n_tup_upd + n_tup_del > 0`,
    [schema],
  );
  return rows.map((row) => row.name);
}

/**
 * Inside the switch transaction: the live tables move to `retired`, the rebuilt ones to `public`
 * under the same names, and their indexes take the live indexes' names (LIKE generated new ones),
 * so later migrations that name an index still find it.
 */
export async function swapTables(executor: SqlExecutor, tables: readonly string[], shadow: string, retired: string): Promise<void> {
  await executor.query(`DROP SCHEMA IF EXISTS ${quoteIdent(retired)} CASCADE`);
  await executor.query(`CREATE SCHEMA ${quoteIdent(retired)}`);
  for (const table of tables) {
    await executor.query(`ALTER TABLE public.${quoteIdent(table)} SET SCHEMA ${quoteIdent(retired)}`);
    await executor.query(`ALTER TABLE ${quoteIdent(shadow)}.${quoteIdent(table)} SET SCHEMA public`);
    await renameIndexesLike(executor, table, retired);
  }
}

interface IndexRow {
  name: string;
  definition: string;
}

/** `CREATE [UNIQUE] INDEX name ON schema.table USING …` → `[UNIQUE] USING …`, comparable across schemas. */
const shapeOf = (definition: string): string => definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');

const indexesOf = (executor: SqlExecutor, schema: string, table: string): Promise<IndexRow[]> =>
  queryRows<IndexRow>(executor, 'SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1 AND tablename = $2', [schema, table]);

async function renameIndexesLike(executor: SqlExecutor, table: string, retired: string): Promise<void> {
  const current = await indexesOf(executor, 'public', table);
  for (const old of await indexesOf(executor, retired, table)) {
    const match = current.find((index) => index.name !== old.name && shapeOf(index.definition) === shapeOf(old.definition));
    if (!match || current.some((index) => index.name === old.name)) continue;
    await executor.query(`ALTER INDEX public.${quoteIdent(match.name)} RENAME TO ${quoteIdent(old.name)}`);
    match.name = old.name;
  }
}

/**
 * ADR 0025 in a rebuild: the shadow copies of the projection's query-only indexes (found by the
 * live index's shape, since LIKE named them anew) are dropped before the first page. Returns their
 * definitions, for `buildIndexes` before the switch. A crashed rebuild leaves nothing to
 * remember: the next one makes its shadow schema again.
 */
export async function dropShadowQueryIndexes(executor: SqlExecutor, shadow: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const live = await queryRows<{ table: string; definition: string }>(
    executor,
    `SELECT tablename AS table, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1::text[]) ORDER BY indexname`,
    [names],
  );
  const dropped: string[] = [];
  for (const { table, definition } of live) {
    const copy = (await indexesOf(executor, shadow, table)).find((index) => shapeOf(index.definition) === shapeOf(definition));
    if (!copy) continue;
    await executor.query(`DROP INDEX ${quoteIdent(shadow)}.${quoteIdent(copy.name)}`);
    dropped.push(copy.definition);
  }
  return dropped;
}
