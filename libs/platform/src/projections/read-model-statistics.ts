import type { DataSource } from 'typeorm';
import { silentProjectionLogger, type ProjectionLogger } from './projection-logger';

export interface ReadModelStatisticsOptions {
  /** How often to look for tables whose statistics are stale (default 10 s). */
  readonly intervalMs?: number;
  /** Tables with fewer rows are left alone (default 1,000): any plan is cheap there. */
  readonly minRows?: number;
  /** A table is analysed again once it holds this many times the rows of its last analysis (default 2). */
  readonly growth?: number;
  readonly logger?: ProjectionLogger;
}

/** Tables that grew past `growth` × their rows at the last analysis (or were never analysed), largest first. */
const STALE_TABLES = `
  SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_live_tup >= $1::bigint AND (c.reltuples <= 0 OR s.n_live_tup >= $2::float8 * c.reltuples)
  ORDER BY s.n_live_tup DESC`;

/**
 * Keeps the planner's statistics of the tables up to date while projections fill them. Read
 * models start empty and a catch-up writes millions of rows within minutes; the planner then plans
 * with no statistics (or those of an almost empty table), and a lookup by key such as
 * `activity_id = ANY(…)` becomes a sequential scan of the whole table (33 ms a statement on the
 * national log, 15 ms against 0.1 ms once analysed). Autovacuum would analyse them, but it may be
 * off (it is on this project's machines) and reacts on its own schedule. Every `intervalMs` this
 * analyses, one at a time and skipping one another session is analysing, each table that has grown
 * to `growth` times its rows at its last analysis. What the plans need is the shape of the data
 * (how many rows share a key), which growth alone changes; a count of changed rows, autovacuum's
 * measure, would re-analyse the tables updated on every event (`teams_v1`, history tables) every
 * few seconds, at up to a second an analysis (ADR 0017).
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
    this.settings = { intervalMs: options.intervalMs ?? 10_000, minRows: options.minRows ?? 1_000, growth: options.growth ?? 2 };
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
    const stale = await this.dataSource.query<Array<{ name: string }>>(STALE_TABLES, [this.settings.minRows, this.settings.growth]);
    for (const { name } of stale) await this.dataSource.query(`ANALYZE (SKIP_LOCKED) ${name}`);
    if (stale.length > 0) this.logger.log(`analysed ${stale.map((t) => t.name).join(', ')}`);
    return stale.map((t) => t.name);
  }
}
