import { Upcasters, withUpcasting, type EventStore } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { poolOf } from '../database/data-source';
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
  const { store, kind } = createEventStore(config, poolOf(infrastructure.dataSource), onWarning);
  return {
    config,
    dataSource: infrastructure.dataSource,
    eventStore: withUpcasting(store, upcasters),
    storedEvents: store,
    eventStoreKind: kind,
    appliedMigrations: infrastructure.appliedMigrations,
    close: async () => {
      await store.close();
      await infrastructure.close();
    },
  };
}
