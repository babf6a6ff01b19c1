import { Inject, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { RequestAuthenticator } from '../application/request-authenticator';
import { AUTH_REQUIRED } from '../security.tokens';
import { graphqlErrorBody, sendJson, type ApiRequest, type ApiResponse } from './http-types';
import { RegisteredOperationGate } from './registered-operation.gate';

/**
 * In front of /graphql: refuses batched (array) bodies, so every operation passes the limits
 * one by one, and turns `Authorization: Bearer <jwt>` into `req.actor`. A bad token is always
 * refused; a missing one only when AUTH_REQUIRED (until then the caller is the anonymous admin).
 * Then the registered-operations gate completes persisted-query requests and, for a client
 * restricted to registered operations, refuses any other document.
 */
@Injectable()
export class GraphqlAuthMiddleware implements NestMiddleware<ApiRequest, ApiResponse> {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(RequestAuthenticator) private readonly authenticator: RequestAuthenticator,
    @Inject(AUTH_REQUIRED) private readonly required: boolean,
    @Inject(RegisteredOperationGate) private readonly gate: RegisteredOperationGate,
  ) {}

  use(request: ApiRequest, response: ApiResponse, next: (error?: unknown) => void): void {
    if (Array.isArray(request.body)) {
      sendJson(response, 400, graphqlErrorBody('BATCHING_NOT_SUPPORTED', 'Send one operation per request; batched (array) bodies are not supported.'));
      return;
    }
    this.authenticator.authenticate(request.headers.authorization).then((result) => {
      if (result.kind === 'authenticated') {
        request.actor = result.actor;
        return this.passGate(request, response, result.actor.clientId, result.registeredOperationsOnly, next);
      }
      if (result.kind === 'rejected') {
        // The reason is for operators; the client learns only that its token is not accepted.
        this.logger.debug(`token refused: ${result.reason}`);
        return unauthenticated(response, 'The access token is invalid, expired or revoked; request a new one at POST /oauth/token.', 'invalid_token');
      }
      if (this.required) return unauthenticated(response, 'An access token is required: Authorization: Bearer <token> (POST /oauth/token).', null);
      return this.passGate(request, response, null, false, next);
    }, next);
  }

  private passGate(request: ApiRequest, response: ApiResponse, clientId: string | null, registeredOnly: boolean, next: (error?: unknown) => void): Promise<void> {
    return this.gate.admit(request, clientId, registeredOnly).then((verdict) => {
      if (verdict.ok) return next();
      sendJson(response, verdict.status, graphqlErrorBody(verdict.code, verdict.message));
    }, next);
  }
}

function unauthenticated(response: ApiResponse, message: string, error: string | null): void {
  const challenge = error ? `Bearer realm="cdtt-registry", error="${error}"` : 'Bearer realm="cdtt-registry"';
  sendJson(response, 401, graphqlErrorBody('UNAUTHENTICATED', message), { 'WWW-Authenticate': challenge });
}
