import type { DataSource } from 'typeorm';
import { silentProjectionLogger, type ProjectionLogger } from './projection-logger';

export interface ReadModelStatisticsOptions {
  /** How often to look for tables whose statistics are stale (default 10 s). */
  readonly intervalMs?: number;
  /** A table is analysed once this many rows changed since its last analysis (default 1,000)… */
  readonly minChanges?: number;
  /** …and the changes are at least this share of the rows it had then (default 0.2). */
  readonly changedShare?: number;
  readonly logger?: ProjectionLogger;
}

/** Tables changed enough since their last ANALYZE (or never analysed), largest change first. */
const STALE_TABLES = `
  SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name
  FROM pg_stat_user_tables
  WHERE n_mod_since_analyze >= $1::bigint AND n_mod_since_analyze >= $2::float8 * GREATEST(n_live_tup - n_mod_since_analyze, 0)
  ORDER BY n_mod_since_analyze DESC`;

/**
 * Keeps the planner's statistics of the tables up to date while projections fill them. Read
 * models start empty and a catch-up writes millions of rows within minutes; the planner then plans
 * with no statistics (or those of an almost empty table), and a lookup by key such as
 * `activity_id = ANY(…)` becomes a sequential scan of the whole table (33 ms a statement on the
 * national log, 15 ms against 0.1 ms once analysed). Autovacuum would analyse them, but it may be
 * off (it is on this project's machines) and reacts on its own schedule. This does what its
 * analyse threshold does (changes ≥ `minChanges` and ≥ `changedShare` of the rows), every
 * `intervalMs`, one table at a time, skipping a table another session is analysing.
 */
export class ReadModelStatistics {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly settings: Required<Omit<ReadModelStatisticsOptions, 'logger'>>;
  private readonly logger: ProjectionLogger;

  constructor(
    private readonly dataSource: DataSource,
    options: ReadModelStatisticsOptions = {},
  ) {
    this.settings = { intervalMs: options.intervalMs ?? 10_000, minChanges: options.minChanges ?? 1_000, changedShare: options.changedShare ?? 0.2 };
    this.logger = options.logger ?? silentProjectionLogger;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.analyzeStale()).catch((error: unknown) => this.logger.warn(`analysing read models: ${String(error)}`));
    }, this.settings.intervalMs);
    // A pending analysis never keeps a process alive.
    this.timer.unref();
  }

  /** Stops the timer and waits for an analysis in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Analyses every table whose statistics are stale now; returns their names. */
  async analyzeStale(): Promise<string[]> {
    const stale = await this.dataSource.query<Array<{ name: string }>>(STALE_TABLES, [this.settings.minChanges, this.settings.changedShare]);
    for (const { name } of stale) await this.dataSource.query(`ANALYZE (SKIP_LOCKED) ${name}`);
    if (stale.length > 0) this.logger.log(`analysed ${stale.map((t) => t.name).join(', ')}`);
    return stale.map((t) => t.name);
  }
}
