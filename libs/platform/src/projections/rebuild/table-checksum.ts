import { createHash } from 'node:crypto';
import { queryRows, type SqlExecutor } from '../sql-executor';
import { checksumColumns, quoteIdent } from './read-model-tables';

export interface TableChecksum {
  readonly table: string;
  readonly rows: number;
  /** MD5 (hex) over the sorted MD5s of each row's non-volatile columns. */
  readonly checksum: string;
}

/**
 * A checksum of a table's content that ignores row order and volatile columns: each row's
 * non-volatile columns as a row literal, hashed, the hashes sorted and hashed again. Sorting the
 * row hashes (not the rows) keeps memory at 32 bytes per row, and makes the result independent of
 * physical order, so two correct builds of the same log compare equal.
 */
export async function tableChecksum(executor: SqlExecutor, schema: string, table: string): Promise<TableChecksum> {
  const columns = await checksumColumns(executor, schema, table);
  const row = columns.length === 0 ? "''" : `ROW(${columns.map((c) => `t.${quoteIdent(c)}`).join(', ')})::text`;
  const [result] = await queryRows<{ n: string; checksum: string }>(
    executor,
    `SELECT count(*) AS n, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
     FROM (SELECT md5(${row}) AS h FROM ${quoteIdent(schema)}.${quoteIdent(table)} t) x`,
  );
  return { table, rows: Number(result?.n ?? 0), checksum: result?.checksum ?? '' };
}

/** One checksum for a set of tables (a projection's), from their table checksums in name order. */
export function combinedChecksum(tables: readonly TableChecksum[]): string {
  const hash = createHash('sha256');
  for (const t of [...tables].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0))) hash.update(`${t.table}:${t.rows}:${t.checksum}\n`);
  return hash.digest('hex');
}
