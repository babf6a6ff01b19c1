import type { Clock } from '@cdtt/event-sourcing';
import type { RequestActor } from '../../graphql/request-actor';
import type { AccessTokens, TokenRejection } from '../tokens/access-token';
import type { ClientStatusCache } from './client-status.cache';

export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'authenticated'; readonly actor: RequestActor; readonly registeredOperationsOnly: boolean }
  | { readonly kind: 'rejected'; readonly reason: TokenRejection | 'not_bearer' | 'unknown_client' | 'revoked' | 'secret_rotated' };

/**
 * Turns an `Authorization` header into the calling actor: a valid, unexpired token of a client
 * that still exists, is not revoked, and has not rotated its secret since the token was issued.
 */
export class RequestAuthenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly statuses: ClientStatusCache,
    private readonly clock: Clock,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Authentication> {
    if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return { kind: 'rejected', reason: 'not_bearer' };
    const verified = this.tokens.verify(match[1], this.clock.now());
    if (!verified.ok) return { kind: 'rejected', reason: verified.reason };
    const { claims } = verified;
    const status = await this.statuses.statusOf(claims.sub);
    if (!status) return { kind: 'rejected', reason: 'unknown_client' };
    if (!status.active) return { kind: 'rejected', reason: 'revoked' };
    if (status.secretRotatedAt && claims.iat < Math.floor(status.secretRotatedAt.getTime() / 1000)) {
      return { kind: 'rejected', reason: 'secret_rotated' };
    }
    const actor: RequestActor = { clientId: claims.sub, role: claims.role, provinceCodes: claims.provinces };
    return { kind: 'authenticated', actor, registeredOperationsOnly: status.registeredOperationsOnly };
  }
}
