import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { poolOf } from './data-source';

/**
 * Hot read-model reads as named prepared statements: each pooled connection parses and plans a
 * statement once instead of on every call. Measured on the province data set: the read of one team
 * with its roster took 0.47 ms to plan and 0.14 ms to run, so planning was most of the database's
 * share of a `team(id)` query. The name is a hash of the text, so a statement built from a filter
 * (the teams list) gets one name per shape and never a name with two texts.
 *
 * On the embedded PGlite the statements go unnamed: its socket connections share one backend
 * session, where a second connection preparing the same name fails with "already exists".
 * Whether names work is asked once per instance (a failed check is asked again).
 */
export class PreparedReads {
  private namesWork: Promise<boolean> | null = null;
  private readonly names = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    /** Keeps names of different owners apart in `pg_prepared_statements` (and readable there). */
    private readonly prefix: string,
  ) {}

  /** The rows, typed as TypeORM's `DataSource.query` types them (`T` is the array of rows). */
  async query<T = any[]>(text: string, values: readonly unknown[] = []): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const pool = poolOf(this.dataSource);
    const named = await this.named(pool);
    const { rows } = await pool.query({ ...(named ? { name: this.nameOf(text) } : {}), text, values: [...values] });
    return rows as T;
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `${this.prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
      // Bounded by the statements' shapes; the guard only keeps a bug from growing it for ever.
      if (this.names.size < 10_000) this.names.set(text, name);
    }
    return name;
  }

  private named(pool: ReturnType<typeof poolOf>): Promise<boolean> {
    this.namesWork ??= pool.query<{ version: string }>('SELECT version()').then(
      ({ rows }) => !/PGlite/i.test(rows[0]?.version ?? ''),
      () => {
        this.namesWork = null;
        return false;
      },
    );
    return this.namesWork;
  }
}
