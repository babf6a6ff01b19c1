// Public surface of the platform lib: configuration, database, embedded PostgreSQL, health.
// Import only via '@cdtt/platform'.
export * from './config/config';
export * from './database/data-source';
export * from './embedded/embedded-postgres';
export * from './health/health.service';
export { HealthController } from './health/health.controller';
export { HealthResolver } from './health/health.resolver';
export * from './runtime/infrastructure';
export * from './projections/postgres-projection';
export * from './projections/projection-errors';
export * from './projections/projection-logger';
export * from './projections/projection-runner';
export * from './projections/projection-host';
export * from './projections/projection-status';
export * from './projections/projection-status.service';
export * from './projections/store-wake-ups';
export { eventTypeCountsProjection } from './projections/event-type-counts.projection';
export * from './runtime/event-store.factory';
export * from './runtime/runtime';
export { ProjectionStatusResolver } from './projections/projection-status.resolver';
