import { hostname } from 'node:os';
import { uuidv7 } from '@cdtt/event-sourcing';
import { ProjectionHost, ProjectionStatusService, settleRetiredDeferrals, type Runtime } from '@cdtt/platform';
import { Logger } from '@nestjs/common';
import { REORGANISATION_PROJECTION, ReorganisationDispatcher, ReorganisationDispatchLoop } from '@cdtt/teams';
import { selectProjections } from './projection-selection';
import { projectorProjections } from './projector.projections';

/** How often the process logs a one-line status (position, lag) per projection. */
const STATUS_LOG_INTERVAL_MS = 60_000;

export interface RunningProjector {
  stop(): Promise<void>;
}

/**
 * Runs every registered projection (or those `PROJECTIONS` names) under its lease, on a runtime the caller opened (the
 * projector process, or the API process in the single-machine default). The owner id is unique
 * per process start, so a restarted projector is a new owner and a crashed one's lease expires.
 */
export async function startProjector(runtime: Runtime): Promise<RunningProjector> {
  const logger = new Logger('Projector');
  const owner = `${hostname()}:${process.pid}:${uuidv7().slice(-12)}`;
  const projections = selectProjections(projectorProjections, runtime.config.projections);
  const host = new ProjectionHost({
    dataSource: runtime.dataSource,
    store: runtime.eventStore,
    projections,
    owner,
    loggerFor: (name) => new Logger(name),
    tuning: { deferIndexesAfter: runtime.config.projectionDeferIndexesAfter },
    ...(runtime.config.projectionSharedRead ? {} : { sharedLog: false as const }),
  });
  const status = new ProjectionStatusService(runtime.dataSource, runtime.eventStore);
  try {
    await host.start();
  } catch (error) {
    await host.stop().catch(() => undefined);
    throw error;
  }
  // Issues the team commands the reorganisation process manager queued, under its projection's
  // lease: only a process that runs that projection can ever hold it.
  const reorganisation = projections.some((p) => p.name === REORGANISATION_PROJECTION)
    ? new ReorganisationDispatchLoop(runtime.dataSource, new ReorganisationDispatcher(runtime.dataSource, runtime.eventStore), owner, (m) => logger.warn(m))
    : null;
  reorganisation?.start();
  logger.log(`running ${host.runners.map((runner) => runner.name).join(', ')} from ${runtime.eventStoreKind} as ${owner}`);
  // Beside the runners, not before them: after a removal mid-catch-up this may build large indexes.
  const known = new Set(projectorProjections.map((projection) => projection.name));
  const retired = settleRetiredDeferrals(runtime.dataSource, (name) => known.has(name), (message) => logger.log(message)).catch((error: unknown) => logger.warn(`indexes deferred by removed projections were not settled: ${String(error)}`));

  const statusTimer = setInterval(() => {
    status
      .list(host.runners.map((runner) => runner.name))
      .then((all) => {
        for (const s of all) {
          logger.log(`${s.name}: at ${s.position ?? '(start)'}, lag ${s.lagEvents}${s.lagEventsCapped ? '+' : ''} events / ${s.lagSeconds.toFixed(1)} s, lease ${s.lease?.owner ?? '-'}`);
        }
      })
      .catch((error: unknown) => logger.warn(`status read failed: ${String(error)}`));
  }, STATUS_LOG_INTERVAL_MS);

  return {
    // Runners finish their batch and release their leases; the caller then closes the runtime.
    stop: async () => {
      clearInterval(statusTimer);
      await retired;
      await reorganisation?.stop();
      await host.stop();
      logger.log('stopped');
    },
  };
}
