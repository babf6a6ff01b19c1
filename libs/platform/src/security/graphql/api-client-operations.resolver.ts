import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { CommandOutcome } from '@cdtt/event-sourcing';
import { CurrentActor, type RequestActor } from '../../graphql/request-actor';
import { userErrorsOf } from '../../graphql/user-error.type';
import { MutationRunner } from '../../idempotency/mutation-runner';
import { ProjectionWaiter } from '../../projections/projection-waiter';
import { ApiClientCommands } from '../application/api-client-commands.service';
import { ClientStatusCache } from '../application/client-status.cache';
import type { ApiClientState } from '../domain/api-client.decider';
import { requireAuthenticatedAdmin } from './admin-access';
import { RegisterApiClientOperationInput, SetApiClientOperationPolicyInput } from './api-client.input';
import { apiClientFromState } from './api-client.mapper';
import { ApiClientOperationPayload, ApiClientPayload } from './api-client.payload';

/** The payload waits this long for api_clients_v1, so the client's next request already sees the change. */
const READ_YOUR_WRITES_MS = 2_000;

/**
 * Registered operations (persisted queries): an admin restricts a client to documents registered
 * for it, and registers them. The gate in front of /graphql (RegisteredOperationGate) enforces it.
 */
@Resolver()
export class ApiClientOperationsResolver {
  constructor(
    @Inject(ApiClientCommands) private readonly commands: ApiClientCommands,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
    @Inject(ProjectionWaiter) private readonly waiter: ProjectionWaiter,
    @Inject(ClientStatusCache) private readonly statuses: ClientStatusCache,
  ) {}

  @Mutation(() => ApiClientPayload, { description: 'ADMIN: allow the client only its registered operation documents (true), or any document (false).' })
  setApiClientOperationPolicy(@Args('input') input: SetApiClientOperationPolicyInput, @CurrentActor() actor: RequestActor): Promise<ApiClientPayload> {
    requireAuthenticatedAdmin(actor);
    const clientId = input.clientId.toLowerCase();
    return this.runner.run({ operation: 'setApiClientOperationPolicy', input, actor }, async () => {
      const { outcome } = await this.commands.setOperationPolicy(clientId, input.registeredOperationsOnly, actor);
      const settled = await this.settle(clientId, outcome);
      return Object.assign(new ApiClientPayload(), { ...settled, clientSecret: null });
    });
  }

  @Mutation(() => ApiClientOperationPayload, { description: 'ADMIN: register a GraphQL document the client may run, by the SHA-256 of its text.' })
  registerApiClientOperation(@Args('input') input: RegisterApiClientOperationInput, @CurrentActor() actor: RequestActor): Promise<ApiClientOperationPayload> {
    requireAuthenticatedAdmin(actor);
    const clientId = input.clientId.toLowerCase();
    return this.runner.run({ operation: 'registerApiClientOperation', input, actor }, async () => {
      const { outcome, sha256Hash } = await this.commands.registerOperation(clientId, input.document, actor);
      const settled = await this.settle(clientId, outcome);
      return Object.assign(new ApiClientOperationPayload(), { ...settled, sha256Hash: outcome.ok ? sha256Hash : null });
    });
  }

  private async settle(clientId: string, outcome: CommandOutcome<ApiClientState>): Promise<Pick<ApiClientPayload, 'apiClient' | 'version' | 'userErrors'>> {
    if (!outcome.ok) return { apiClient: null, version: null, userErrors: userErrorsOf(outcome.error) };
    // This instance applies a policy change at once; the others within the status cache's 10 s.
    this.statuses.invalidate(clientId);
    const last = outcome.events.at(-1);
    if (last) await this.waiter.waitFor(['api_clients_v1'], last.position, READ_YOUR_WRITES_MS);
    return { apiClient: apiClientFromState(clientId, outcome.state), version: outcome.revision, userErrors: [] };
  }
}
