import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestActor } from '../../graphql/request-actor';

/** The request as Express hands it over (parsed body), plus the actor authentication sets. */
export type ApiRequest = IncomingMessage & { body?: unknown; actor?: RequestActor; originalUrl?: string; ip?: string };

/** The caller's address as Express sees it (X-Forwarded-For only when TRUST_PROXY says the proxy is trusted). */
export function clientAddress(request: ApiRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
export type ApiResponse = ServerResponse;

/** Writes a JSON answer with plain Node APIs (no Express types needed). */
export function sendJson(response: ApiResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(JSON.stringify(body));
}

/** A GraphQL-over-HTTP error body with one documented code (docs/errors.md). */
export function graphqlErrorBody(code: string, message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}
