import type { DataSource } from 'typeorm';
import { quoteIdent } from '../../projections/rebuild/read-model-tables';
import { queryRows, type SqlExecutor } from '../../projections/sql-executor';

interface TrackedTable {
  readonly name: string;
  readonly cols: string;
}

/**
 * Reads "as the registry knew it at an instant" (the RECORDED clock, ADR 0011): on one connection,
 * in a transaction that is always rolled back, every tracked table is shadowed by a temporary
 * view of the same name over its history, keeping the versions recorded before the instant and
 * not yet superseded then. Unqualified SQL resolves temporary relations first, so any read
 * service runs unchanged on the executor it is handed; the views vanish with the rollback.
 *
 * A table whose history holds nothing recorded at or after the instant (no version opened, none
 * closed) reads the same through the view as live: its open versions are its rows. It is then
 * left unshadowed (ADR 0026), so "as known by the end of today", the usual question, costs what a
 * live read costs rather than a filtered scan of every version ever recorded.
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
      // One snapshot for the check below and every read: a version recorded after the check
      // cannot make a table that was left live differ from its view.
      await runner.startTransaction('REPEATABLE READ');
      const tables = await queryRows<TrackedTable>(
        runner,
        `SELECT r.name, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols
         FROM recorded_history_tables r
         JOIN pg_attribute a ON a.attrelid = to_regclass(format('public.%I', r.name)) AND a.attnum > 0 AND NOT a.attisdropped
         WHERE to_regclass(format('public.%I', r.name || '_history')) IS NOT NULL
         GROUP BY r.name ORDER BY r.name`,
      );
      for (const table of await changedSince(runner, tables, literal)) {
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

/**
 * The tables whose history has a version opened or closed at or after the instant, in one
 * statement: two index probes a table (`<t>_history_from`, `<t>_history_to`).
 */
async function changedSince(executor: SqlExecutor, tables: readonly TrackedTable[], literal: string): Promise<TrackedTable[]> {
  if (tables.length === 0) return [];
  const probes = tables.map((table, index) => {
    const history = `public.${quoteIdent(`${table.name}_history`)}`;
    return `SELECT ${index} AS i WHERE EXISTS (SELECT 1 FROM ${history} WHERE recorded_from >= ${literal})
      OR EXISTS (SELECT 1 FROM ${history} WHERE recorded_to >= ${literal})`;
  });
  const rows = await queryRows<{ i: number }>(executor, probes.join('\nUNION ALL\n'));
  return rows.map((row) => tables[row.i]).filter((table): table is TrackedTable => table !== undefined);
}
