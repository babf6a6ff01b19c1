import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { HealthController, HealthService, ProjectionStatusService } from '@cdtt/platform';
import type { Runtime } from '@cdtt/platform';
import { graphqlOptions } from './graphql-options';
import { API_RESOLVERS } from './resolvers';

/**
 * The API's composition root. Infrastructure (database, event store) is opened before Nest starts
 * and handed in as values, so the same wiring runs on a server or on the embedded default.
 */
@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [GraphQLModule.forRoot(graphqlOptions())],
      controllers: [HealthController],
      providers: [
        { provide: HealthService, useValue: new HealthService(runtime.dataSource, runtime.eventStoreKind) },
        { provide: ProjectionStatusService, useValue: new ProjectionStatusService(runtime.dataSource, runtime.eventStore) },
        ...API_RESOLVERS,
      ],
    };
  }
}
