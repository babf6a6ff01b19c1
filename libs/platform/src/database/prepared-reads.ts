import { createHash } from 'node:crypto';
import { namedStatementsCheck } from '@cdtt/event-store-postgres';
import type { DataSource } from 'typeorm';
import { poolOf } from './data-source';

/**
 * Hot read-model reads as named prepared statements: each pooled connection parses and plans a
 * statement once instead of on every call. Measured on the province data set: the read of one team
 * with its roster took 0.47 ms to plan and 0.14 ms to run, so planning was most of the database's
 * share of a `team(id)` query. The name is a hash of the text, so a statement built from a filter
 * (the teams list) gets one name per shape and never a name with two texts.
 *
 * On the embedded PGlite the statements go unnamed, as the event store's reads do
 * (`namedStatementsCheck`: its connections share one session, where names collide).
 */
export class PreparedReads {
  private namesWork: (() => Promise<boolean>) | null = null;
  private readonly names = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    /** Keeps names of different owners apart in `pg_prepared_statements` (and readable there). */
    private readonly prefix: string,
  ) {}

  /** The rows, typed as TypeORM's `DataSource.query` types them (`T` is the array of rows). */
  async query<T = any[]>(text: string, values: readonly unknown[] = []): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const pool = poolOf(this.dataSource);
    // The pool exists once the DataSource is initialised, which may be after this was built.
    this.namesWork ??= namedStatementsCheck(pool);
    const named = await this.namesWork();
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
}
