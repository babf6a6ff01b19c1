/** The parts of an OAuth 2.0 token request (RFC 6749 §4.4) we use, or the RFC error to answer. */
export type TokenRequest =
  | { readonly ok: true; readonly clientId: string; readonly clientSecret: string; readonly basic: boolean }
  | { readonly ok: false; readonly error: 'invalid_request' | 'unsupported_grant_type' | 'invalid_client'; readonly description: string; readonly basic: boolean };

/**
 * Reads `grant_type`, `client_id`, `client_secret` from a form or JSON body, or the client's
 * credentials from HTTP Basic (form-encoded inside, RFC 6749 §2.3.1). Using both at once is refused.
 */
export function parseTokenRequest(body: unknown, authorization: string | undefined): TokenRequest {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (name: string): string | null => (typeof fields[name] === 'string' ? fields[name] : null);
  const basic = /^Basic\s+/i.test(authorization ?? '');
  const fail = (error: 'invalid_request' | 'unsupported_grant_type' | 'invalid_client', description: string): TokenRequest => ({ ok: false, error, description, basic });

  const grantType = text('grant_type');
  if (grantType === null) return fail('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') return fail('unsupported_grant_type', 'only grant_type=client_credentials is supported');

  let clientId = text('client_id');
  let clientSecret = text('client_secret');
  if (basic) {
    if (clientSecret !== null) return fail('invalid_request', 'send client credentials in one way only (HTTP Basic or the body)');
    const decoded = decodeBasic(authorization ?? '');
    if (!decoded) return fail('invalid_client', 'malformed HTTP Basic credentials');
    if (clientId !== null && clientId !== decoded.id) return fail('invalid_request', 'client_id differs from the HTTP Basic user');
    clientId = decoded.id;
    clientSecret = decoded.secret;
  }
  if (!clientId || !clientSecret) return fail('invalid_request', 'client_id and client_secret are required');
  return { ok: true, clientId, clientSecret, basic };
}

/** `Authorization: Basic` credentials (form-encoded inside, RFC 6749 §2.3.1), or null when malformed. */
export function decodeBasic(authorization: string): { id: string; secret: string } | null {
  const encoded = authorization.replace(/^Basic\s+/i, '').trim();
  const plain = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = plain.indexOf(':');
  if (colon <= 0) return null;
  try {
    return { id: decodeURIComponent(plain.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(plain.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return null;
  }
}
