import type { Clock, EventStore } from '@cdtt/event-sourcing';
import type { AccessTokens } from '../tokens/access-token';
import { loadApiClient } from './api-client.repository';
import { verifyAgainstDecoy, verifyClientSecret } from './client-secret';

export type TokenGrant =
  | { readonly ok: true; readonly accessToken: string; readonly expiresIn: number }
  | { readonly ok: false; readonly error: 'invalid_client' };

const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Longer than any secret we issue; stops hashing attacker-sized input. */
const MAX_SECRET_LENGTH = 256;

/**
 * The client-credentials grant: the secret is checked against the client's stream (the write
 * model), so a rotation or revocation applies at once. Unknown, revoked and wrong-secret clients
 * get the same answer after the same work, so the endpoint does not reveal which ids exist.
 */
export class TokenIssuer {
  constructor(
    private readonly store: EventStore,
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  async grant(clientId: string, clientSecret: string): Promise<TokenGrant> {
    if (clientSecret.length > MAX_SECRET_LENGTH) return { ok: false, error: 'invalid_client' };
    const id = clientId.toLowerCase();
    const client = CLIENT_ID.test(id) ? await loadApiClient(this.store, id) : null;
    if (client?.status !== 'active') {
      await verifyAgainstDecoy(clientSecret);
      return { ok: false, error: 'invalid_client' };
    }
    if (!(await verifyClientSecret(clientSecret, client.secretHash))) return { ok: false, error: 'invalid_client' };
    const { token } = this.tokens.issue({ clientId: id, role: client.role, provinceCodes: client.provinceCodes }, this.clock.now());
    return { ok: true, accessToken: token, expiresIn: this.tokens.ttlSeconds };
  }
}
