/** What `DataSource` and `EntityManager` have in common: enough to run raw SQL. */
export interface SqlExecutor {
  // TypeORM types parameters as any[]; unknown[] keeps our callers honest.
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The SQLSTATE of a failed statement, from pg's error or TypeORM's wrapper of it; undefined for anything else. */
export function sqlStateOf(error: unknown): string | undefined {
  const failed = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = failed?.code ?? failed?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a statement whose result TypeORM hands back as plain rows: SELECT, or INSERT ... RETURNING
 * (upserts included). For UPDATE and DELETE TypeORM returns `[rows, rowCount]`: use `updatedRows`.
 */
export async function queryRows<TRow>(executor: SqlExecutor, sql: string, parameters: unknown[] = []): Promise<TRow[]> {
  const result = await executor.query(sql, parameters);
  return result as TRow[];
}

/** Rows returned by an UPDATE/DELETE ... RETURNING (TypeORM wraps them as `[rows, rowCount]`). */
export async function updatedRows<TRow>(executor: SqlExecutor, sql: string, parameters: unknown[] = []): Promise<TRow[]> {
  const result = await executor.query(sql, parameters);
  const [rows] = result as [TRow[], number];
  return rows;
}
