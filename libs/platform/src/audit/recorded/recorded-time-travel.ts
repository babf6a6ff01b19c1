import type { DataSource } from 'typeorm';
import { queryRows, type SqlExecutor } from '../../projections/sql-executor';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads "as the registry knew it at an instant" (the RECORDED clock, ADR 0011): on one connection,
 * in a transaction that is always rolled back, every tracked table is shadowed by a temporary
 * view of the same name over its history, keeping the versions recorded before the instant and
 * not yet superseded then. Unqualified SQL resolves temporary relations first, so any read
 * service runs unchanged on the executor it is handed; the views vanish with the rollback.
 */
export class RecordedTimeTravel {
  constructor(private readonly dataSource: DataSource) {}

  async at<T>(instant: string, read: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    const at = new Date(instant);
    if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${instant}`);
    const literal = `'${at.toISOString()}'::timestamptz`; // from toISOString: no quote can reach the SQL
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const tables = await queryRows<{ name: string; cols: string }>(
        runner,
        `SELECT r.name, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols
         FROM recorded_history_tables r
         JOIN pg_attribute a ON a.attrelid = to_regclass(format('public.%I', r.name)) AND a.attnum > 0 AND NOT a.attisdropped
         WHERE to_regclass(format('public.%I', r.name || '_history')) IS NOT NULL
         GROUP BY r.name`,
      );
      for (const table of tables) {
        await runner.query(
          `CREATE TEMP VIEW ${quoteIdent(table.name)} AS SELECT ${table.cols} FROM public.${quoteIdent(`${table.name}_history`)}
           WHERE recorded_from < ${literal} AND (recorded_to IS NULL OR recorded_to >= ${literal})`,
        );
      }
      return await read({ query: (sql: string, parameters?: unknown[]) => runner.query(sql, parameters) });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
