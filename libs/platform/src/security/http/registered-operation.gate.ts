import type { EventStore } from '@cdtt/event-sourcing';
import { SHA256_HEX, sha256Hex } from '../application/registered-operation';
import { apiClientStream, type ApiClientOperationRegistered } from '../domain/api-client.decider';
import type { ApiClientsReadService } from '../read-models/api-clients.read.service';
import type { ApiRequest } from './http-types';

/** Admit the request (its body may have been completed from the registry), or refuse it with a code. */
export type GateVerdict = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

const ADMIT: GateVerdict = { ok: true };
const refuse = (status: number, code: string, message: string): GateVerdict => ({ ok: false, status, code, message });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Registered operations, before Apollo sees the request (Apollo's own automatic persisted queries
 * are off: they would let any caller register any document).
 *
 * - `extensions.persistedQuery.sha256Hash` without `query`: the document registered for the calling
 *   client under that hash is run (PERSISTED_QUERY_NOT_FOUND when there is none), as Apollo clients
 *   send it.
 * - With `query` too, the hash must be the query's (BAD_REQUEST otherwise).
 * - A client restricted to registered operations may send the document itself instead: its
 *   SHA-256 must be registered for it, else OPERATION_NOT_REGISTERED (403).
 *
 * The document then goes through the same limits as any other.
 */
export class RegisteredOperationGate {
  constructor(
    private readonly clients: ApiClientsReadService,
    private readonly store: EventStore,
  ) {}

  async admit(request: ApiRequest, clientId: string | null, registeredOnly: boolean): Promise<GateVerdict> {
    const body = isRecord(request.body) ? request.body : null;
    const extensions = body && isRecord(body.extensions) ? body.extensions : null;
    const persisted = extensions?.persistedQuery;
    if (body && extensions && persisted !== undefined) {
      const hash = isRecord(persisted) ? persisted.sha256Hash : undefined;
      if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return refuse(400, 'BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be a SHA-256 in lowercase hex.');
      if (typeof body.query === 'string') {
        if (sha256Hex(body.query) !== hash) return refuse(400, 'BAD_REQUEST', 'The query does not match extensions.persistedQuery.sha256Hash.');
      } else {
        const document = clientId ? await this.registeredDocument(clientId, hash) : null;
        if (document === null) return refuse(400, 'PERSISTED_QUERY_NOT_FOUND', 'No operation is registered for this client under this sha256Hash.');
        body.query = document;
      }
      delete extensions.persistedQuery;
    }
    if (!registeredOnly || !clientId) return ADMIT;
    const query = body ? body.query : queryParameter(request);
    // No document at all: Apollo answers that with its own BAD_REQUEST.
    if (typeof query !== 'string') return ADMIT;
    if ((await this.registeredDocument(clientId, sha256Hex(query))) !== null) return ADMIT;
    return refuse(403, 'OPERATION_NOT_REGISTERED', 'This client may run only operations registered for it; ask an administrator to register this document.');
  }

  /**
   * The read model first; a document it does not know yet (registered a moment ago, projector
   * behind) is looked up in the client's stream, so a fresh registration works at once everywhere.
   */
  private async registeredDocument(clientId: string, hash: string): Promise<string | null> {
    const projected = await this.clients.registeredDocument(clientId, hash);
    if (projected !== null) return projected;
    const events = await this.store.readStream(apiClientStream(clientId));
    const registered = events.find((event) => event.type === 'ApiClientOperationRegistered' && (event.data as ApiClientOperationRegistered['data']).sha256Hash === hash);
    return registered ? (registered.data as ApiClientOperationRegistered['data']).document : null;
  }
}

/** `query` of a GET request (GraphQL over HTTP puts the document in the URL). */
function queryParameter(request: ApiRequest): string | null {
  return new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost').searchParams.get('query');
}
