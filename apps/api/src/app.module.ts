import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { FieldworkModule } from '@cdtt/fieldwork';
import { GeographyModule } from '@cdtt/geography';
import { ReportingModule } from '@cdtt/reporting';
import { TEAMS_CACHEABLE_ANSWERS, TeamsModule } from '@cdtt/teams';
import { AnswerCache, CostBudget, HealthController, PlatformModule, ProjectionConsumers, SecurityModule, type Runtime } from '@cdtt/platform';
import { projectorProjections } from '../../projector/src/projector.projections';
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
    // One answer cache per process (ADR 0024): versioned by the database, so instances need no
    // coordination. A provider too, so the e2e tests can read its hit and miss counts.
    const answers = AnswerCache.reading(runtime.dataSource);
    return {
      module: AppModule,
      imports: [
        // Every projection, wherever it runs: read-your-writes waits for the ones that copy an event (ProjectionConsumers).
        PlatformModule.register(runtime, new ProjectionConsumers(projectorProjections)),
        SecurityModule,
        // Async: the limits plugin needs the per-client cost budget from SecurityModule.
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [SecurityModule],
          inject: [CostBudget],
          useFactory: (budget: CostBudget) => graphqlOptions(budget, { cache: answers, declarations: [TEAMS_CACHEABLE_ANSWERS] }),
        }),
        GeographyModule.register(runtime),
        TeamsModule.register(runtime),
        FieldworkModule.register(runtime),
        ReportingModule.register(runtime),
      ],
      controllers: [HealthController],
      providers: [...PLATFORM_RESOLVERS, { provide: AnswerCache, useValue: answers }],
    };
  }
}
