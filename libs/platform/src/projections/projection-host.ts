import type { EventStore } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import { silentProjectionLogger, type ProjectionLogger } from './projection-logger';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { PostgresProjection } from './postgres-projection';
import { ReadModelStatistics } from './read-model-statistics';
import { CheckpointMoves } from './checkpoint-moves';
import { SharedLog, type SharedLogOptions } from './shared-log';
import { StoreWakeUps } from './store-wake-ups';

type RunnerTuning = Omit<ProjectionRunnerOptions, 'dataSource' | 'store' | 'projection' | 'owner' | 'wakeUps' | 'logger' | 'log' | 'moves'>;

export interface ProjectionHostOptions {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projections: readonly PostgresProjection[];
  /** This process's identity (host, pid, random): the lease owner of every runner it starts. */
  readonly owner: string;
  /** Per projection, so a logger can carry the projection name as its context. */
  readonly loggerFor?: (projectionName: string) => ProjectionLogger;
  readonly tuning?: RunnerTuning;
  /** The shared reader's window (ADR 0018); `false` lets every runner read for itself. */
  readonly sharedLog?: SharedLogOptions | false;
}

/**
 * Runs a set of projections in one process (the projector app, or the api in a single-machine
 * deployment) with one shared store subscription for wake-ups and one shared reader of the log,
 * and keeps the planner statistics of the tables they write up to date.
 */
export class ProjectionHost {
  readonly runners: readonly ProjectionRunner[];
  private readonly wakeUps: StoreWakeUps;
  private readonly statistics: ReadModelStatistics;

  constructor(options: ProjectionHostOptions) {
    const names = options.projections.map((projection) => projection.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new Error(`Projection ${duplicate} is registered twice`);
    const loggerFor = options.loggerFor ?? (() => silentProjectionLogger);
    const hostLogger = loggerFor('projection-host');
    this.wakeUps = new StoreWakeUps(options.store, (error) => hostLogger.warn(`wake-up subscription: ${String(error)}`));
    this.statistics = new ReadModelStatistics(options.dataSource, { logger: hostLogger });
    const moves = new CheckpointMoves(options.dataSource);
    const log = options.sharedLog === false ? undefined : new SharedLog(options.store, this.wakeUps, options.sharedLog);
    this.runners = options.projections.map(
      (projection) =>
        new ProjectionRunner({
          ...options.tuning,
          dataSource: options.dataSource,
          store: options.store,
          projection,
          owner: options.owner,
          wakeUps: this.wakeUps,
          ...(log ? { log } : {}),
          moves,
          logger: loggerFor(projection.name),
        }),
    );
  }

  async start(): Promise<void> {
    await this.wakeUps.start();
    for (const runner of this.runners) await runner.start();
    this.statistics.start();
  }

  /** Stops every runner (each finishes its batch and releases its lease), then the subscription. */
  async stop(): Promise<void> {
    await this.statistics.stop();
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.wakeUps.stop();
  }
}
