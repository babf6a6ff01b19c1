import { queryRows, type SqlExecutor } from '../sql-executor';

/**
 * Tables in `public` that no projection writes: bookkeeping, secrets, request state. Every other
 * table is treated as a read model. A new non-projection table belongs here, or a rebuild would
 * shadow it with an empty copy (ADR 0011).
 */
export const NOT_READ_MODELS: ReadonlySet<string> = new Set([
  'typeorm_migrations',
  'projection_checkpoints',
  'projection_leases',
  'idempotency_records',
  'personal_data_keys',
  'api_cost_buckets',
  'recorded_history_tables',
  'projection_deferred_indexes',
]);

/** Read-model tables of a schema, sorted. */
export async function readModelTables(executor: SqlExecutor, schema = 'public'): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    executor,
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
    [schema],
  );
  return rows.map((row) => row.name).filter((name) => !NOT_READ_MODELS.has(name));
}

/**
 * The columns a checksum covers, in table order: all but the volatile ones, which differ between
 * two correct builds: identity/serial keys (numbered in insertion order, and a rebuild inserts in
 * one pass what the live projection inserted over time) and columns defaulting to now()
 * (processing time, not event data).
 */
export async function checksumColumns(executor: SqlExecutor, schema: string, table: string): Promise<string[]> {
  const volatile = (alias: string) => `(${alias}.is_identity = 'YES'
    OR coalesce(${alias}.column_default, '') LIKE 'nextval(%'
    OR coalesce(${alias}.column_default, '') IN ('now()', 'CURRENT_TIMESTAMP', 'clock_timestamp()'))`;
  // A recorded-history table (ADR 0011) copies its base table's columns without their defaults:
  // the base's volatile columns are volatile there too, and row_key hashes them.
  const rows = await queryRows<{ name: string }>(
    executor,
    `SELECT c.column_name AS name FROM information_schema.columns c
     WHERE c.table_schema = $1 AND c.table_name = $2 AND NOT ${volatile('c')}
       AND NOT ($2 LIKE '%\\_history' AND c.column_name = 'row_key')
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns b WHERE b.table_schema = $1
         AND $2 = b.table_name || '_history' AND b.column_name = c.column_name AND ${volatile('b')})
     ORDER BY c.ordinal_position`,
    [schema, table],
  );
  return rows.map((row) => row.name);
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
