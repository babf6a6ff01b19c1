import 'reflect-metadata';
import { loadConfig, openRuntime } from '@cdtt/platform';
import { Logger } from '@nestjs/common';
import { startProjector } from './projector';

/** A stuck handler must not keep a terminating pod alive forever. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const logger = new Logger('Projector');
  const runtime = await openRuntime(loadConfig(), 'cdtt-projector', (message) => logger.warn(message));
  logger.log(`migrations applied: ${runtime.appliedMigrations.join(', ') || 'none pending'}`);
  const projector = await startProjector(runtime);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping runners and releasing leases`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    projector
      .stop()
      .then(() => runtime.close())
      .then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  new Logger('Projector').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
