import type { DataSource } from 'typeorm';
import { TEAMS_PROJECTION } from './teams.projection';

/** A read model's version: its checkpoint's position and commit time (a rebuild's switch moves both). */
const VERSION_SQL = `SELECT coalesce(position, '-') || '@' || coalesce(to_char(updated_at, 'YYYYMMDDHH24MISSUS'), '-') AS version
  FROM projection_checkpoints WHERE name = $1`;

/**
 * Figures computed from the teams read models, remembered per read-model version. The tables of
 * `teams_v1` change only in the transactions that move its checkpoint (batches and a rebuild's
 * switch), so a figure computed at one checkpoint is exact for as long as the checkpoint stays: a
 * hit is the same answer the SQL would give, never an older one. Concurrent identical requests share
 * one computation. Per process (API instances stay stateless: it is a cache, nothing is lost with it).
 */
export class StatisticsCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { readonly maxEntries?: number; readonly projection?: string } = {},
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const rows = await this.dataSource.query<Array<{ version: string }>>(VERSION_SQL, [this.options.projection ?? TEAMS_PROJECTION]);
    const versioned = `${rows[0]?.version ?? 'none'}|${key}`;
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
