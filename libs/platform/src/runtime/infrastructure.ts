import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { createDataSource, runMigrations } from '../database/data-source';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded/embedded-postgres';

export interface Infrastructure {
  readonly dataSource: DataSource;
  /** Present when no DATABASE_URL was given and PGlite serves instead. */
  readonly embedded: EmbeddedPostgres | null;
  readonly appliedMigrations: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL (the configured server, or the embedded default), and migrates it. Every
 * process (api, projector, cli) starts here, so they agree on schema and pool sizing.
 */
export async function openInfrastructure(config: AppConfig, applicationName: string): Promise<Infrastructure> {
  const embedded = config.databaseUrl === null ? await startEmbeddedPostgres(config.dataDir) : null;
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('unreachable: no database URL');
  const dataSource = createDataSource({ url, poolSize: config.poolSize, applicationName });
  try {
    await dataSource.initialize();
    const appliedMigrations = await runMigrations(dataSource);
    return {
      dataSource,
      embedded,
      appliedMigrations,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
}
