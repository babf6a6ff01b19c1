import type { RequestAuthenticator } from '../application/request-authenticator';
import type { TokenIssuer } from '../application/token-issuer';
import { decodeBasic } from '../http/token-request';
import type { CredentialAttempts } from '../limits/credential-attempts';

export type PageAccess =
  | { readonly kind: 'granted'; readonly token: string }
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/**
 * Who may open GraphiQL: an authenticated ADMIN client, never the anonymous admin of
 * AUTH_REQUIRED=false. A browser cannot add a bearer header when it loads a page, but it does
 * answer an HTTP Basic challenge natively: so the admin signs in with its client id and secret
 * (exchanged here for an access token exactly as at /oauth/token, under the same rate limits), or
 * a tool sends its bearer token.
 */
export class GraphiqlAccess {
  constructor(
    private readonly issuer: TokenIssuer,
    private readonly authenticator: RequestAuthenticator,
    private readonly attempts: CredentialAttempts,
  ) {}

  async check(authorization: string | undefined, address: string): Promise<PageAccess> {
    const token = await this.tokenOf(authorization ?? '', address);
    if (typeof token === 'object' && token !== null) return token;
    if (token === null) return { kind: 'unauthenticated' };
    const result = await this.authenticator.authenticate(`Bearer ${token}`);
    if (result.kind !== 'authenticated') return { kind: 'unauthenticated' };
    return result.actor.role === 'ADMIN' ? { kind: 'granted', token } : { kind: 'forbidden' };
  }

  private async tokenOf(authorization: string, address: string): Promise<string | null | PageAccess> {
    if (/^Basic\s/i.test(authorization)) {
      const credentials = decodeBasic(authorization);
      const attempt = await this.attempts.attempt(address, credentials?.id ?? null);
      if (!attempt.allowed) return { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
      if (!credentials) return null;
      const grant = await this.issuer.grant(credentials.id, credentials.secret);
      return grant.ok ? grant.accessToken : null;
    }
    return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? null;
  }
}
