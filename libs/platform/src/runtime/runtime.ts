import { Upcasters, withUpcasting, type EventStore } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { poolOf } from '../database/data-source';
import { inlineProjectionWrites } from '../projections/prepared-writes';
import { ProjectionWaiter } from '../projections/projection-waiter';
import { createEventStore } from './event-store.factory';
import { openInfrastructure } from './infrastructure';

/** What a process (api, projector, cli) holds open for its lifetime. */
export interface Runtime {
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  /**
   * The same store without upcasting: events exactly as stored, which is what the audit chain
   * hashed. Only audit export and verification read it; everyone else reads `eventStore`.
   */
  readonly storedEvents: EventStore;
  readonly eventStoreKind: 'postgres' | 'eventstoredb';
  readonly appliedMigrations: readonly string[];
  /** Read-your-writes for mutations; on a server it hears checkpoint moves on a connection of its own, opened on first use. */
  readonly projectionWaiter: ProjectionWaiter;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL (server or embedded, migrated) and the configured event store on the same
 * pool. One runtime per process: the embedded database must not be opened twice.
 */
export async function openRuntime(
  config: AppConfig,
  applicationName: string,
  onWarning: (message: string) => void = (message) => console.warn(message),
  /** Every context's upcasters: each reader in the process then sees current event shapes. */
  upcasters: Upcasters = new Upcasters(),
): Promise<Runtime> {
  const infrastructure = await openInfrastructure(config, applicationName);
  if (!config.projectionPreparedWrites) inlineProjectionWrites(infrastructure.dataSource);
  const pool = poolOf(infrastructure.dataSource);
  const { store, kind } = createEventStore(config, pool, onWarning);
  // The embedded PGlite delivers no NOTIFY across connections: the waiter polls there.
  const projectionWaiter =
    config.databaseUrl === null
      ? new ProjectionWaiter(infrastructure.dataSource)
      : ProjectionWaiter.listening(infrastructure.dataSource, pool, (error) => onWarning(`checkpoint LISTEN failed, polling instead: ${String(error)}`));
  return {
    config,
    dataSource: infrastructure.dataSource,
    eventStore: withUpcasting(store, upcasters),
    storedEvents: store,
    eventStoreKind: kind,
    appliedMigrations: infrastructure.appliedMigrations,
    projectionWaiter,
    close: async () => {
      await projectionWaiter.close();
      await store.close();
      await infrastructure.close();
    },
  };
}
