import type { EventStore } from '@cdtt/event-sourcing';
import { EventStoreDbEventStore } from '@cdtt/event-store-eventstoredb';
import { PostgresEventStore } from '@cdtt/event-store-postgres';
import type { AppConfig } from '../config/config';
import type { Pool } from 'pg';

export interface ConfiguredEventStore {
  readonly store: EventStore;
  readonly kind: 'postgres' | 'eventstoredb';
}

/**
 * The event source: EventStoreDB when configured, else the PostgreSQL adapter on the process's
 * shared pool. The runners only see the port, so both behave the same to projections.
 */
export function createEventStore(config: AppConfig, pool: Pool, onWarning: (message: string) => void): ConfiguredEventStore {
  if (config.eventStoreConnectionString !== null) {
    return { store: EventStoreDbEventStore.connect(config.eventStoreConnectionString), kind: 'eventstoredb' };
  }
  const store = new PostgresEventStore(pool, {
    // The embedded PGlite does not deliver NOTIFY across connections: poll there.
    notifications: config.databaseUrl === null ? 'poll' : 'listen',
    onListenError: (error) => onWarning(`LISTEN failed, polling instead: ${String(error)}`),
  });
  return { store, kind: 'postgres' };
}
