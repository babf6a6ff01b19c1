import { handleCommand, type Clock, type CommandOutcome, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import type { RequestActor } from '../../graphql/request-actor';
import { apiClientDecider, apiClientStream, type ApiClientCommand, type ApiClientRole, type ApiClientState } from '../domain/api-client.decider';
import { generateClientSecret, hashClientSecret } from './client-secret';

export interface NewApiClient {
  readonly name: string;
  readonly role: ApiClientRole;
  readonly provinceCodes: readonly string[];
}

/** A command's outcome, with the plain secret when one was issued (to show once, never to keep). */
export interface ApiClientResult {
  readonly clientId: string;
  readonly outcome: CommandOutcome<ApiClientState>;
  readonly secret: string | null;
}

/** Registers, rotates and revokes API clients through the decider; each event names its actor. */
export class ApiClientCommands {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** `given` ids and secrets serve the bootstrap admin; otherwise both are generated. */
  async register(client: NewApiClient, actor: RequestActor, given?: { clientId: string; secret: string }): Promise<ApiClientResult> {
    const clientId = given?.clientId ?? this.ids.next();
    const secret = given?.secret ?? generateClientSecret();
    const command: ApiClientCommand = { kind: 'RegisterApiClient', ...client, secretHash: await hashClientSecret(secret) };
    const outcome = await this.execute(clientId, command, actor);
    return { clientId, outcome, secret: outcome.ok ? secret : null };
  }

  async rotateSecret(clientId: string, actor: RequestActor): Promise<ApiClientResult> {
    const secret = generateClientSecret();
    const outcome = await this.execute(clientId, { kind: 'RotateApiClientSecret', secretHash: await hashClientSecret(secret) }, actor);
    return { clientId, outcome, secret: outcome.ok ? secret : null };
  }

  async revoke(clientId: string, reason: string | null, actor: RequestActor): Promise<ApiClientResult> {
    const outcome = await this.execute(clientId, { kind: 'RevokeApiClient', reason }, actor);
    return { clientId, outcome, secret: null };
  }

  private execute(clientId: string, command: ApiClientCommand, actor: RequestActor): Promise<CommandOutcome<ApiClientState>> {
    return handleCommand(this.store, apiClientDecider, apiClientStream(clientId), command, {
      ids: this.ids,
      metadata: {
        correlationId: this.ids.next(),
        causationId: null,
        actor: { clientId: actor.clientId, role: actor.role },
        // Credentials take effect when recorded: there is no other effective date for them.
        effectiveAt: this.clock.now().toISOString(),
      },
    });
  }
}
