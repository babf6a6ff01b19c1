import { DomainError, handleCommand, type Clock, type CommandOutcome, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import type { RequestActor } from '../../graphql/request-actor';
import { apiClientDecider, apiClientStream, type ApiClientCommand, type ApiClientRole, type ApiClientState } from '../domain/api-client.decider';
import { generateClientSecret, hashClientSecret } from './client-secret';
import { operationDocumentProblem, sha256Hex } from './registered-operation';

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

  async setOperationPolicy(clientId: string, registeredOperationsOnly: boolean, actor: RequestActor): Promise<ApiClientResult> {
    const outcome = await this.execute(clientId, { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly }, actor);
    return { clientId, outcome, secret: null };
  }

  /** Registers a document for the client under the SHA-256 of its exact text (what it will send as `sha256Hash`). */
  async registerOperation(clientId: string, document: string, actor: RequestActor): Promise<ApiClientResult & { sha256Hash: string }> {
    const sha256Hash = sha256Hex(document);
    const problem = operationDocumentProblem(document);
    const outcome = problem
      ? { ok: false as const, error: new DomainError('OPERATION_DOCUMENT_INVALID', problem, ['input', 'document']) }
      : await this.execute(clientId, { kind: 'RegisterApiClientOperation', sha256Hash, document }, actor);
    return { clientId, outcome, secret: null, sha256Hash };
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
