import { dataVersionSql, PreparedReads } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { TEAMS_PROJECTION } from './teams.projection';

/** A read model's version: when its rows last changed and how many events it applied (ADR 0024). */
const VERSION_SQL = `SELECT ${dataVersionSql('$1')} AS version`;

/**
 * The version of a projection's read models as a column expression, for a statement that reads
 * them to select beside its rows: the version is then of the same snapshot as the rows, and
 * `StatisticsCache.at` can take it without a round trip of its own. `placeholder` binds the
 * projection's name.
 */
export function readModelVersionSql(placeholder: string): string {
  return `coalesce(${dataVersionSql(placeholder)}, '${NO_VERSION}')`;
}

/** The version of read models whose projection has no checkpoint yet. */
export const NO_VERSION = 'none';

/**
 * Figures computed from the teams read models, remembered per read-model version. The tables of
 * `teams_v1` change only in the batches that apply its events and at a rebuild's switch, which are
 * what move its version, so a figure computed at one version is exact for as long as it stays: a
 * hit is the same answer the SQL would give, never an older one. Concurrent identical requests share
 * one computation. Per process (API instances stay stateless: it is a cache, nothing is lost with it).
 */
export class StatisticsCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly sql: PreparedReads;

  constructor(
    dataSource: DataSource,
    private readonly options: { readonly maxEntries?: number; readonly projection?: string } = {},
  ) {
    this.sql = new PreparedReads(dataSource, 'cdtt_statistics');
  }

  /** The projection whose checkpoint versions the entries. */
  get projection(): string {
    return this.options.projection ?? TEAMS_PROJECTION;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.at(await this.version(), key, compute);
  }

  /** The read models' version now: one round trip, for several answers remembered under it (`at`). */
  async version(): Promise<string> {
    const rows = await this.sql.query<Array<{ version: string | null }>>(VERSION_SQL, [this.projection]);
    return rows[0]?.version ?? NO_VERSION;
  }

  /**
   * The answer remembered at `version` (read with `readModelVersionSql` in the caller's own
   * statement), else `compute`d and remembered under it.
   */
  at<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    const versioned = `${version}|${key}`;
    const known = this.entries.get(versioned) as Promise<T> | undefined;
    if (known) {
      // Most recently used last: Map keeps insertion order, so the first key is the oldest.
      this.entries.delete(versioned);
      this.entries.set(versioned, known);
      return known;
    }
    const pending = compute();
    this.entries.set(versioned, pending);
    pending.catch(() => this.entries.delete(versioned));
    while (this.entries.size > (this.options.maxEntries ?? 2_000)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }
}
