import type { DataSource } from 'typeorm';
import { PreparedReads } from '../../database/prepared-reads';
import { DATA_VERSIONS_SQL } from '../../projections/read-model-version';

export interface AnswerCacheLimits {
  /** Answers kept at most, least recently used out first. */
  readonly maxEntries: number;
  /** Characters of their JSON kept at most (about a third of what the objects take in memory). */
  readonly maxJsonChars: number;
}

export const DEFAULT_ANSWER_CACHE_LIMITS: AnswerCacheLimits = { maxEntries: 500, maxJsonChars: 4_000_000 };

interface Entry {
  readonly version: string;
  readonly data: Record<string, unknown>;
  readonly size: number;
}

export interface AnswerCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly jsonChars: number;
}

/**
 * GraphQL answers remembered per version of the read models they were read from (ADR 0024). An
 * answer is served only under the version it was stored at, and the version is read from the
 * database for every request, so a hit is what the resolvers would answer at that moment: never
 * older, on any API instance, after any write another instance waited for. Per process and bounded.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private jsonChars = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    /** The named projections' versions now (`reading` reads them from the database). */
    readonly versionOf: (projections: readonly string[]) => Promise<string>,
    private readonly limits: AnswerCacheLimits = DEFAULT_ANSWER_CACHE_LIMITS,
  ) {}

  /** A cache whose versions are the data versions in `projection_checkpoints`: one round trip each. */
  static reading(dataSource: DataSource, limits: AnswerCacheLimits = DEFAULT_ANSWER_CACHE_LIMITS): AnswerCache {
    const sql = new PreparedReads(dataSource, 'cdtt_answers');
    return new AnswerCache(async (projections) => {
      const rows = await sql.query<Array<{ version: string | null }>>(DATA_VERSIONS_SQL, [projections]);
      return rows[0]?.version ?? '';
    }, limits);
  }

  /** The answer stored under `key` at `version`, if any. */
  get(key: string, version: string): Record<string, unknown> | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Most recently used last: a Map keeps insertion order, so the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.data;
  }

  /** Remembers an answer read at `version`; one too large for the bound is not kept. */
  set(key: string, version: string, data: Record<string, unknown>): void {
    const size = JSON.stringify(data).length;
    this.drop(key);
    if (size > this.limits.maxJsonChars || this.limits.maxEntries <= 0) return;
    this.entries.set(key, { version, data, size });
    this.jsonChars += size;
    while (this.entries.size > this.limits.maxEntries || this.jsonChars > this.limits.maxJsonChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  stats(): AnswerCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, jsonChars: this.jsonChars };
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.jsonChars -= entry.size;
  }
}
