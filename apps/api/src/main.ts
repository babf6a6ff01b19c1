import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, openRuntime } from '@cdtt/platform';
// The single-machine default runs the projector inside the API process (RUN_PROJECTOR=true).
import { startProjector, type RunningProjector } from '../../projector/src/projector';
import { AppModule } from './app.module';

/** A stuck handler must not keep a terminating instance alive forever. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function bootstrap(): Promise<void> {
  const logger = new Logger('Api');
  const config = loadConfig();
  const runtime = await openRuntime(config, 'cdtt-api', (message) => logger.warn(message));
  const projector: RunningProjector | null = config.runProjector ? await startProjector(runtime) : null;
  const app = await NestFactory.create(AppModule.register(runtime), { logger: ['error', 'warn', 'log'] });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    void (async () => {
      await app.close();
      await projector?.stop();
      await runtime.close();
    })().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen(config.port, config.host);
  const data = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}/`;
  logger.log(`CDTT Registry on http://localhost:${config.port}/graphql (GET /health); data: ${data}; events: ${runtime.eventStoreKind}`);
}

bootstrap().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: print it plainly, no stack.
  console.error(error instanceof ConfigError ? error.message : `CDTT Registry failed to start: ${String(error)}`);
  process.exit(1);
});
