import { Inject, type OnModuleInit } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { userErrorsOf } from '../../graphql/user-error.type';
import { NodeRegistry } from '../../graphql/node-registry';
import { CurrentActor, type RequestActor } from '../../graphql/request-actor';
import { MutationRunner } from '../../idempotency/mutation-runner';
import { ProjectionWaiter } from '../../projections/projection-waiter';
import { ApiClientCommands, type ApiClientResult } from '../application/api-client-commands.service';
import { ClientStatusCache } from '../application/client-status.cache';
import { ApiClientsReadService } from '../read-models/api-clients.read.service';
import { isAuthenticatedAdmin, requireAuthenticatedAdmin } from './admin-access';
import { ApiClientOperationsResolver } from './api-client-operations.resolver';
import { RegisterApiClientInput, RevokeApiClientInput, RotateApiClientSecretInput } from './api-client.input';
import { apiClientFromRecord, apiClientFromState } from './api-client.mapper';
import { ApiClientPayload } from './api-client.payload';
import { ApiClientType } from './api-client.type';

/** How long a payload waits for api_clients_v1, so an admin's next read sees the change. */
const READ_YOUR_WRITES_MS = 2_000;

@Resolver(() => ApiClientType)
export class ApiClientResolver implements OnModuleInit {
  constructor(
    @Inject(ApiClientCommands) private readonly commands: ApiClientCommands,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
    @Inject(ProjectionWaiter) private readonly waiter: ProjectionWaiter,
    @Inject(ClientStatusCache) private readonly statuses: ClientStatusCache,
    @Inject(ApiClientsReadService) private readonly clients: ApiClientsReadService,
    @Inject(NodeRegistry) private readonly registry: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('ApiClient', async (clientId, actor) => {
      if (!isAuthenticatedAdmin(actor)) return null;
      const record = await this.clients.find(clientId);
      return record ? apiClientFromRecord(record) : null;
    });
  }

  @Mutation(() => ApiClientPayload, { description: 'ADMIN: register a client; its secret is in the payload, once.' })
  registerApiClient(@Args('input') input: RegisterApiClientInput, @CurrentActor() actor: RequestActor): Promise<ApiClientPayload> {
    requireAuthenticatedAdmin(actor);
    return this.run('registerApiClient', input, actor, () => this.commands.register({ name: input.name, role: input.role, provinceCodes: input.provinceCodes }, actor));
  }

  @Mutation(() => ApiClientPayload, { description: 'ADMIN: issue a new secret; the old one and the tokens issued with it stop working.' })
  rotateApiClientSecret(@Args('input') input: RotateApiClientSecretInput, @CurrentActor() actor: RequestActor): Promise<ApiClientPayload> {
    requireAuthenticatedAdmin(actor);
    return this.run('rotateApiClientSecret', input, actor, () => this.commands.rotateSecret(input.clientId.toLowerCase(), actor));
  }

  @Mutation(() => ApiClientPayload, { description: 'ADMIN: revoke a client for good; its tokens stop working within seconds.' })
  revokeApiClient(@Args('input') input: RevokeApiClientInput, @CurrentActor() actor: RequestActor): Promise<ApiClientPayload> {
    requireAuthenticatedAdmin(actor);
    return this.run('revokeApiClient', input, actor, () => this.commands.revoke(input.clientId.toLowerCase(), input.reason ?? null, actor));
  }

  /**
   * Idempotent execution that never stores a secret: the runner keeps the payload without it, and
   * only the call that actually ran hands the secret back.
   */
  private async run(operation: string, input: object & { idempotencyKey?: string | null }, actor: RequestActor, work: () => Promise<ApiClientResult>): Promise<ApiClientPayload> {
    let secret: string | null = null;
    const stored = await this.runner.run({ operation, input, actor }, async () => {
      const result = await work();
      secret = result.secret;
      return this.payloadOf(result);
    });
    return Object.assign(new ApiClientPayload(), stored, { clientSecret: secret });
  }

  private async payloadOf({ clientId, outcome }: ApiClientResult): Promise<ApiClientPayload> {
    if (!outcome.ok) return Object.assign(new ApiClientPayload(), { apiClient: null, clientSecret: null, version: null, userErrors: userErrorsOf(outcome.error) });
    this.statuses.invalidate(clientId);
    const last = outcome.events.at(-1);
    if (last) await this.waiter.waitFor(['api_clients_v1'], last.position, READ_YOUR_WRITES_MS);
    return Object.assign(new ApiClientPayload(), { apiClient: apiClientFromState(clientId, outcome.state), clientSecret: null, version: outcome.revision, userErrors: [] });
  }
}

/** Every resolver of the security slice, for the schema printer. */
export const SECURITY_RESOLVERS = [ApiClientResolver, ApiClientOperationsResolver] as const;
