import { Inject, Logger, Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Clock, IdGenerator } from '@cdtt/event-sourcing';
import { CLOCK, ID_GENERATOR, RUNTIME } from '../platform.tokens';
import type { Runtime } from '../runtime/runtime';
import { ApiClientCommands } from './application/api-client-commands.service';
import { ensureBootstrapAdmin } from './application/bootstrap-admin';
import { ClientStatusCache } from './application/client-status.cache';
import { RequestAuthenticator } from './application/request-authenticator';
import { TokenIssuer } from './application/token-issuer';
import { GraphiqlAccess } from './graphiql/graphiql-access';
import { GraphiqlController } from './graphiql/graphiql.controller';
import { ApiClientOperationsResolver } from './graphql/api-client-operations.resolver';
import { ApiClientResolver } from './graphql/api-client.resolver';
import { bodyErrorsHandler } from './http/body-errors.handler';
import { GraphqlAuthMiddleware } from './http/graphql-auth.middleware';
import { RegisteredOperationGate } from './http/registered-operation.gate';
import { TokenController } from './http/token.controller';
import { CostBudget } from './limits/cost-budget';
import { CredentialAttempts } from './limits/credential-attempts';
import { DEFAULT_QUERY_LIMITS } from './limits/query-limits';
import { ApiClientsReadService } from './read-models/api-clients.read.service';
import { AUTH_REQUIRED } from './security.tokens';
import { AccessTokens } from './tokens/access-token';
import { resolveSigningKeys } from './tokens/signing-key-file';
import { trustProxySetting } from './http/trust-proxy';

const logger = new Logger('Security');

/**
 * API clients, the token endpoint, authentication in front of /graphql and the per-client cost
 * budget. Relies on the global PlatformModule (runtime, clock, ids, mutation runner).
 */
@Module({
  controllers: [TokenController, GraphiqlController],
  providers: [
    { provide: AUTH_REQUIRED, inject: [RUNTIME], useFactory: (runtime: Runtime) => runtime.config.auth.required },
    { provide: AccessTokens, inject: [RUNTIME], useFactory: (runtime: Runtime) => new AccessTokens(resolveSigningKeys(runtime.config, (m) => logger.warn(m))) },
    { provide: ApiClientsReadService, inject: [RUNTIME], useFactory: (runtime: Runtime) => new ApiClientsReadService(runtime.dataSource) },
    {
      provide: ClientStatusCache,
      inject: [RUNTIME, CLOCK],
      useFactory: (runtime: Runtime, clock: Clock) => new ClientStatusCache(runtime.eventStore, clock),
    },
    {
      provide: RequestAuthenticator,
      inject: [AccessTokens, ClientStatusCache, CLOCK],
      useFactory: (tokens: AccessTokens, statuses: ClientStatusCache, clock: Clock) => new RequestAuthenticator(tokens, statuses, clock),
    },
    {
      provide: TokenIssuer,
      inject: [RUNTIME, AccessTokens, CLOCK],
      useFactory: (runtime: Runtime, tokens: AccessTokens, clock: Clock) => new TokenIssuer(runtime.eventStore, tokens, clock),
    },
    {
      provide: ApiClientCommands,
      inject: [RUNTIME, CLOCK, ID_GENERATOR],
      useFactory: (runtime: Runtime, clock: Clock, ids: IdGenerator) => new ApiClientCommands(runtime.eventStore, clock, ids),
    },
    {
      provide: CostBudget,
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => new CostBudget(runtime.dataSource, DEFAULT_QUERY_LIMITS.budgetCapacity, DEFAULT_QUERY_LIMITS.budgetRefillPerSecond),
    },
    {
      provide: RegisteredOperationGate,
      inject: [ApiClientsReadService, RUNTIME],
      useFactory: (clients: ApiClientsReadService, runtime: Runtime) => new RegisteredOperationGate(clients, runtime.eventStore),
    },
    { provide: CredentialAttempts, inject: [RUNTIME], useFactory: (runtime: Runtime) => new CredentialAttempts(runtime.dataSource) },
    {
      provide: GraphiqlAccess,
      inject: [TokenIssuer, RequestAuthenticator, CredentialAttempts],
      useFactory: (issuer: TokenIssuer, authenticator: RequestAuthenticator, attempts: CredentialAttempts) => new GraphiqlAccess(issuer, authenticator, attempts),
    },
    GraphqlAuthMiddleware,
    ApiClientResolver,
    ApiClientOperationsResolver,
  ],
  exports: [CostBudget, AccessTokens, ApiClientCommands],
})
export class SecurityModule implements NestModule, OnModuleInit {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ApiClientCommands) private readonly commands: ApiClientCommands,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphqlAuthMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  async onModuleInit(): Promise<void> {
    // Registered after Express's body parsers, so it catches what they refuse (413, bad JSON).
    this.adapterHost.httpAdapter?.use(bodyErrorsHandler);
    // Behind a load balancer the caller's address is in X-Forwarded-For, which only a trusted proxy may set.
    const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
    if (trustProxy !== null) this.adapterHost.httpAdapter?.getInstance<{ set(name: string, value: unknown): void }>().set('trust proxy', trustProxy);
    const { auth, production } = this.runtime.config;
    if (production && !auth.required) logger.warn('AUTH_REQUIRED=false in production: calls without a token act as an anonymous admin');
    if (auth.bootstrapAdmin) {
      const outcome = await ensureBootstrapAdmin(auth.bootstrapAdmin, this.runtime.eventStore, this.commands, (m) => logger.warn(m));
      if (outcome === 'registered') logger.log(`bootstrap admin client ${auth.bootstrapAdmin.clientId} registered`);
    }
  }
}
