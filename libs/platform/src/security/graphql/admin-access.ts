import { codedError } from '../../graphql/coded-error';
import { ANONYMOUS_ADMIN, type RequestActor } from '../../graphql/request-actor';

/** The anonymous admin exists only while AUTH_REQUIRED is off; it is never an authenticated client. */
export function isAuthenticatedAdmin(actor: RequestActor): boolean {
  return actor !== ANONYMOUS_ADMIN && actor.clientId !== ANONYMOUS_ADMIN.clientId && actor.role === 'ADMIN';
}

/**
 * Credentials are managed by authenticated admin clients only, even while anonymous calls are
 * allowed: credentials minted anonymously would outlive the switch to AUTH_REQUIRED=true.
 */
export function requireAuthenticatedAdmin(actor: RequestActor): void {
  if (actor === ANONYMOUS_ADMIN || actor.clientId === ANONYMOUS_ADMIN.clientId) {
    throw codedError('UNAUTHENTICATED', 'Managing API clients needs an admin access token (POST /oauth/token).');
  }
  if (actor.role !== 'ADMIN') throw codedError('FORBIDDEN', 'Only ADMIN clients may manage API clients.');
}
