import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { systemClock, uuidv7Generator } from '@cdtt/event-sourcing';
import { NodeRegistry } from './graphql/node-registry';
import { NodeResolver } from './graphql/node.resolver';
import { inputValidationPipe } from './graphql/validation.pipe';
import { AuditLogReader } from './audit/history/audit-log.reader';
import { AuditPersonalData } from './audit/history/audit-personal-data';
import { HealthService } from './health/health.service';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { MutationRunner } from './idempotency/mutation-runner';
import { ProjectionStatusService } from './projections/projection-status.service';
import { ProjectionWaiter } from './projections/projection-waiter';
import { ProjectionConsumers } from './projections/projection-consumers';
import { CLOCK, DATA_SOURCE, EVENT_STORE, ID_GENERATOR, RUNTIME } from './platform.tokens';
import type { Runtime } from './runtime/runtime';

/**
 * Everything a context module may inject, opened once per process: the runtime's database and
 * event store, clock and ids, the Node registry, idempotent mutations and read-your-writes.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `consumers`: which projections read which event types, from the composition root's list of projections. */
  static register(runtime: Runtime, consumers: ProjectionConsumers = ProjectionConsumers.NONE): DynamicModule {
    const values = [
      { provide: ProjectionConsumers, useValue: consumers },
      { provide: RUNTIME, useValue: runtime },
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: DATA_SOURCE, useValue: runtime.dataSource },
      { provide: CLOCK, useValue: systemClock },
      { provide: ID_GENERATOR, useValue: uuidv7Generator },
      { provide: MutationRunner, useValue: new MutationRunner(new IdempotencyStore(runtime.dataSource)) },
      { provide: ProjectionWaiter, useValue: runtime.projectionWaiter },
      { provide: HealthService, useValue: new HealthService(runtime.dataSource, runtime.eventStoreKind) },
      { provide: ProjectionStatusService, useValue: new ProjectionStatusService(runtime.dataSource, runtime.eventStore) },
      { provide: AuditLogReader, useValue: new AuditLogReader(runtime.dataSource, runtime.storedEvents) },
      { provide: AuditPersonalData, useValue: new AuditPersonalData() },
    ];
    return {
      module: PlatformModule,
      providers: [...values, NodeRegistry, NodeResolver, { provide: APP_PIPE, useFactory: inputValidationPipe }],
      exports: [...values.map((v) => v.provide), NodeRegistry],
    };
  }
}
