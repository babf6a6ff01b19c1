import { graphqlErrorBody, sendJson, type ApiRequest, type ApiResponse } from './http-types';

/** The limit Express's body parsers apply to JSON and form bodies (their default, pinned by the e2e tests). */
export const MAX_BODY_BYTES = 100 * 1024;

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
}

/**
 * An Express error handler for what the body parsers refuse before Nest routes run: an oversize
 * body (413) or malformed JSON (400) get a JSON answer in the endpoint's own error shape instead
 * of Express's HTML page. Anything else goes on to Nest's handler.
 */
export function bodyErrorsHandler(error: unknown, request: ApiRequest, response: ApiResponse, next: (error?: unknown) => void): void {
  const { type, status } = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500 || response.headersSent) return next(error);
  const tooLarge = status === 413;
  const oauth = (request.originalUrl ?? request.url ?? '').startsWith('/oauth/');
  const message = tooLarge ? `The request body exceeds ${MAX_BODY_BYTES / 1024} kB.` : 'The request body could not be read (malformed JSON or form, or an unsupported encoding).';
  if (oauth) return sendJson(response, status, { error: 'invalid_request', error_description: message });
  sendJson(response, status, graphqlErrorBody(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message));
}
