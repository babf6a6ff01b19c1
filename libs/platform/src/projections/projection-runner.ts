import { abortableDelay, assertVersionedName, type EventStore, type Position } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import { applyBatch } from './projection-batch';
import { readCheckpoint, registerCheckpoint } from './projection-checkpoint';
import { readProjectionPage } from './projection-page';
import { CheckpointConflictError, LeaseLostError } from './projection-errors';
import { ProjectionLease } from './projection-lease';
import { silentProjectionLogger, type ProjectionLogger } from './projection-logger';
import type { PostgresProjection } from './postgres-projection';
import type { CheckpointMoves } from './checkpoint-moves';
import type { SharedLog } from './shared-log';
import { StoreWakeUps } from './store-wake-ups';
import { buildDeferredIndexes, deferQueryOnlyIndexes } from './query-only-indexes';

export interface ProjectionRunnerOptions {
  readonly dataSource: DataSource;
  /** Any adapter of the port: in-memory, PostgreSQL or EventStoreDB. */
  readonly store: EventStore;
  readonly projection: PostgresProjection;
  /** Unique per runner instance, e.g. `host:pid:random`. */
  readonly owner: string;
  /** Share one doorbell between the runners of a process; otherwise the runner owns one. */
  readonly wakeUps?: StoreWakeUps;
  /** Pages cut from one reader shared by the runners of a process; otherwise the runner reads its own. */
  readonly log?: SharedLog;
  /** Checkpoint moves over empty pages, sent together with other runners' (see `CheckpointMoves`). */
  readonly moves?: CheckpointMoves;
  readonly logger?: ProjectionLogger;
  /** Events per transaction. */
  readonly batchSize?: number;
  readonly leaseTtlMs?: number;
  /** How often the holder renews and a standby retries; must be well under the TTL. */
  readonly leaseRenewMs?: number;
  /** Polling fallback when no wake-up arrives. */
  readonly pollIntervalMs?: number;
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /**
   * A catch-up from the start of the log drops the projection's query-only indexes once it has
   * read this many events without reaching the head, and builds them at the head (ADR 0025).
   * Small logs never pay the DDL; `Infinity` keeps the indexes always.
   */
  readonly deferIndexesAfter?: number;
}

const PROGRESS_LOG_INTERVAL_MS = 10_000;
/** 40 full pages: a catch-up long enough that one sort per index beats inserting into it. */
export const DEFER_INDEXES_AFTER_EVENTS = 20_000;

/** `standby`: another owner holds the lease; `failing`: retrying a batch after an error. */
export type ProjectionRunnerState = 'idle' | 'standby' | 'active' | 'failing' | 'stopped';

/**
 * Runs one projection: while holding its lease, reads pages of `$all` after the checkpoint and
 * applies each page in one transaction with the checkpoint. Failures are retried with
 * exponential backoff; an event is never skipped.
 */
export class ProjectionRunner {
  readonly name: string;
  private readonly lease: ProjectionLease;
  private readonly wakeUps: StoreWakeUps;
  private readonly ownsWakeUps: boolean;
  private readonly logger: ProjectionLogger;
  private readonly log: SharedLog | null;
  private readonly moves: CheckpointMoves | null;
  private readonly settings: Required<Omit<ProjectionRunnerOptions, 'wakeUps' | 'logger' | 'log' | 'moves'>>;
  private controller = new AbortController();
  private loop: Promise<void> | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private renewal: Promise<void> = Promise.resolve();
  private currentState: ProjectionRunnerState = 'idle';
  private committedPosition: Position | null = null;
  /**
   * Whether `committedPosition` is the checkpoint row as it stands, so a step need not read it
   * back first. Only while the lease is held; dropped on any failure or change of lease: the
   * checkpoint's compare-and-set catches a stale copy, and the next step then reads the row again.
   */
  private checkpointKnown = false;
  private consecutiveFailures = 0;
  private lastProgressLog = -Infinity;
  /** Catching up from the start of the log (ADR 0025): set when the checkpoint reads null, cleared at the head. */
  private fromZero = false;
  /** Events read since the last page that reached the head. */
  private behindFor = 0;
  /** Whether indexes this projection deferred (now, or before a crash) are known to be built. */
  private indexesBuilt = false;

  constructor(options: ProjectionRunnerOptions) {
    assertVersionedName(options.projection.name);
    const leaseTtlMs = options.leaseTtlMs ?? 30_000;
    this.settings = {
      dataSource: options.dataSource,
      store: options.store,
      projection: options.projection,
      owner: options.owner,
      batchSize: options.batchSize ?? 500,
      leaseTtlMs,
      leaseRenewMs: options.leaseRenewMs ?? Math.floor(leaseTtlMs / 3),
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      retryInitialMs: options.retryInitialMs ?? 200,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      deferIndexesAfter: options.deferIndexesAfter ?? DEFER_INDEXES_AFTER_EVENTS,
    };
    if (this.settings.leaseRenewMs >= leaseTtlMs) throw new Error('leaseRenewMs must be shorter than leaseTtlMs');
    this.name = options.projection.name;
    this.logger = options.logger ?? silentProjectionLogger;
    this.log = options.log ?? null;
    this.moves = options.moves ?? null;
    this.lease = new ProjectionLease(options.dataSource, { name: this.name, owner: options.owner, ttlMs: leaseTtlMs });
    this.ownsWakeUps = !options.wakeUps;
    this.wakeUps = options.wakeUps ?? new StoreWakeUps(options.store, (e) => this.logger.warn(`wake-ups: ${String(e)}`));
  }

  get state(): ProjectionRunnerState {
    return this.currentState;
  }

  /** The last checkpoint this runner committed (null before its first batch). */
  get position(): Position | null {
    return this.committedPosition;
  }

  /** Consecutive failed attempts of the current batch (0 when healthy). */
  get failures(): number {
    return this.consecutiveFailures;
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error(`Projection ${this.name} is already running`);
    this.controller = new AbortController();
    await registerCheckpoint(this.settings.dataSource, this.name);
    if (this.ownsWakeUps) await this.wakeUps.start();
    this.renewTimer = setInterval(() => this.renewInBackground(), this.settings.leaseRenewMs);
    this.loop = this.run();
  }

  /** Finishes the batch in flight, stops renewing and releases the lease for a quick handover. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.controller.abort();
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
    await this.loop;
    await this.renewal;
    this.loop = null;
    this.log?.leave(this.name);
    if (this.ownsWakeUps) await this.wakeUps.stop();
    await this.lease.release().catch((error: unknown) => this.logger.warn(`lease release failed: ${String(error)}`));
    this.currentState = 'stopped';
    this.logger.log(`${this.name}: stopped at ${this.committedPosition ?? '(start)'}`);
  }

  private async run(): Promise<void> {
    while (!this.controller.signal.aborted) {
      const seen = this.wakeUps.version;
      try {
        if (!(await this.holdLease())) {
          await abortableDelay(this.settings.leaseRenewMs, this.controller.signal);
          continue;
        }
        const atHead = await this.step();
        this.recovered();
        if (atHead) await this.wakeUps.wait(seen, this.settings.pollIntervalMs, this.controller.signal);
      } catch (error) {
        await this.failed(error);
      }
    }
  }

  /** One page: returns whether the read reached the head (then wait for a wake-up). */
  private async step(): Promise<boolean> {
    if (!this.checkpointKnown) {
      this.committedPosition = await readCheckpoint(this.settings.dataSource, this.name);
      this.checkpointKnown = true;
      if (this.committedPosition === null) this.fromZero = true;
    }
    const from = this.committedPosition;
    const { store, projection, batchSize } = this.settings;
    const page = this.log
      ? await this.log.page(this.name, projection, from, batchSize, this.controller.signal)
      : await readProjectionPage(store, projection, from, batchSize);
    const last = page.through;
    if (this.controller.signal.aborted) return true;
    if (!last) {
      // Nothing new: still the head, where deferred indexes are built (after a restart, say).
      await this.tendIndexes(true, 0);
      return true;
    }
    const applied = await applyBatch(this.settings.dataSource, {
      projection: this.settings.projection,
      lease: this.lease,
      from,
      page,
      ...(this.moves ? { moves: this.moves } : {}),
    });
    this.committedPosition = last.position;
    this.logProgress(last.position, page.scanned, applied);
    await this.tendIndexes(page.atHead, page.scanned);
    return page.atHead;
  }

  /**
   * ADR 0025: deep in a catch-up from zero, drop the query-only indexes; at the head, build what
   * was dropped (by this run or by one that crashed). Checked once per lease at the head, so a
   * caught-up runner pays one lookup, not one per page.
   */
  private async tendIndexes(atHead: boolean, scanned: number): Promise<void> {
    const { dataSource, projection, deferIndexesAfter } = this.settings;
    if (atHead) {
      this.fromZero = false;
      this.behindFor = 0;
      if (this.indexesBuilt) return;
      const built = await buildDeferredIndexes(dataSource, this.name, (index, seconds) =>
        this.logger.log(`${this.name}: built index ${index.name} at the head in ${seconds.toFixed(1)} s`),
      );
      if (built > 0) this.logger.log(`${this.name}: ${built} query-only indexes built again; reads use them from now on`);
      this.indexesBuilt = true;
      return;
    }
    this.behindFor += scanned;
    if (!this.fromZero || this.behindFor < deferIndexesAfter || !projection.queryOnlyIndexes?.length) return;
    this.fromZero = false; // once per catch-up
    const deferred = await deferQueryOnlyIndexes(dataSource, this.name, projection.queryOnlyIndexes);
    if (deferred.length > 0) {
      this.indexesBuilt = false;
      this.logger.log(`${this.name}: catching up from the start: ${deferred.length} query-only indexes dropped until the head (${deferred.map((i) => i.name).join(', ')})`);
    }
  }

  /** At most one progress line per interval, so a busy projector does not flood its log. */
  private logProgress(position: Position, read: number, applied: number): void {
    const now = performance.now();
    if (now - this.lastProgressLog < PROGRESS_LOG_INTERVAL_MS) return;
    this.lastProgressLog = now;
    this.logger.log(`${this.name}: committed up to ${position} (batch: ${read} read, ${applied} applied)`);
  }

  private async holdLease(): Promise<boolean> {
    if (this.lease.held) return true;
    this.checkpointKnown = false;
    this.indexesBuilt = false;
    const acquired = await this.lease.acquire();
    if (acquired) this.logger.log(`${this.name}: lease acquired by ${this.lease.owner}`);
    this.currentState = acquired ? 'active' : 'standby';
    return acquired;
  }

  private renewInBackground(): void {
    if (!this.lease.held) return;
    this.renewal = this.lease
      .acquire()
      .then((renewed) => {
        if (!renewed) this.logger.warn(`${this.name}: lease taken over by another runner`);
      })
      .catch((error: unknown) => this.logger.warn(`${this.name}: lease renewal failed: ${String(error)}`));
  }

  private recovered(): void {
    if (this.consecutiveFailures > 0) this.logger.log(`${this.name}: recovered after ${this.consecutiveFailures} failed attempts`);
    this.consecutiveFailures = 0;
    this.currentState = 'active';
  }

  private async failed(error: unknown): Promise<void> {
    this.checkpointKnown = false;
    this.log?.leave(this.name);
    if (error instanceof LeaseLostError) {
      // Fenced: another runner owns the projection now. Stand by; no backoff needed.
      this.lease.forget();
      this.currentState = 'standby';
      this.logger.warn(error.message);
      return;
    }
    this.consecutiveFailures += 1;
    this.currentState = 'failing';
    const delay = Math.min(this.settings.retryInitialMs * 2 ** (this.consecutiveFailures - 1), this.settings.retryMaxMs);
    const level = error instanceof CheckpointConflictError ? 'warn' : 'error';
    const message = `${this.name}: attempt ${this.consecutiveFailures} failed, retrying in ${delay} ms: ${String(error)}`;
    if (level === 'warn') this.logger.warn(message);
    else this.logger.error(message, error instanceof Error ? error.stack : undefined);
    await abortableDelay(delay, this.controller.signal);
  }
}
