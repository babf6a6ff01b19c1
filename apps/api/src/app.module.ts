import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { HealthController, PlatformModule, type Runtime } from '@cdtt/platform';
import { graphqlOptions } from './graphql-options';
import { PLATFORM_RESOLVERS } from './resolvers';

/**
 * The API's composition root. Infrastructure (database, event store) is opened before Nest starts
 * and handed in as values, so the same wiring runs on a server or on the embedded default.
 * Each bounded context adds its module here, and its resolvers to API_RESOLVERS for the schema.
 */
@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.register(runtime), GraphQLModule.forRoot(graphqlOptions())],
      controllers: [HealthController],
      providers: [...PLATFORM_RESOLVERS],
    };
  }
}
