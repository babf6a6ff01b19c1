import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ActorRole, RequestActor } from '../../graphql/request-actor';
import type { SigningKey } from './signing-keys';

export const TOKEN_ISSUER = 'cdtt-registry';
/** Short-lived: revocation also applies at once through the client lookup, but a leaked token dies soon. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Clock skew tolerated between API instances for `iat`. */
const IAT_LEEWAY_SECONDS = 60;
/** Far above any token we issue; stops decoding attacker-sized input. */
const MAX_TOKEN_LENGTH = 4_096;
const ROLES: readonly ActorRole[] = ['ADMIN', 'PORTAL', 'AUDITOR'];

export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly role: ActorRole;
  readonly provinces: readonly string[];
  readonly iat: number;
  readonly exp: number;
}

/** Why a token was refused: for tests and logs only; the client just sees UNAUTHENTICATED. */
export type TokenRejection = 'malformed' | 'unsupported_algorithm' | 'unknown_key' | 'bad_signature' | 'wrong_issuer' | 'expired' | 'not_yet_valid';

export type VerifiedToken = { readonly ok: true; readonly claims: AccessTokenClaims } | { readonly ok: false; readonly reason: TokenRejection };

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** HS256 JWTs (RFC 7519) with a `kid` header: the first key signs, every configured key verifies. */
export class AccessTokens {
  constructor(
    private readonly keys: readonly SigningKey[],
    readonly ttlSeconds: number = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    if (keys.length === 0) throw new Error('at least one signing key is needed');
  }

  issue(actor: RequestActor, now: Date): { token: string; claims: AccessTokenClaims } {
    const key = this.keys[0] as SigningKey;
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessTokenClaims = { iss: TOKEN_ISSUER, sub: actor.clientId, role: actor.role, provinces: [...actor.provinceCodes], iat, exp: iat + this.ttlSeconds };
    const signingInput = `${encode({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
    return { token: `${signingInput}.${sign(key, signingInput).toString('base64url')}`, claims };
  }

  verify(token: string, now: Date): VerifiedToken {
    const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
    const [headerPart, payloadPart, signaturePart] = parts;
    if (parts.length !== 3 || !headerPart || !payloadPart || !signaturePart) return { ok: false, reason: 'malformed' };
    const header = decode(headerPart) as { alg?: unknown; kid?: unknown } | null;
    if (typeof header !== 'object' || header === null) return { ok: false, reason: 'malformed' };
    // Only HS256: never let the token choose `none` or another algorithm.
    if (header.alg !== 'HS256') return { ok: false, reason: 'unsupported_algorithm' };
    const key = this.keys.find((k) => k.kid === header.kid);
    if (!key) return { ok: false, reason: 'unknown_key' };
    const expected = sign(key, `${headerPart}.${payloadPart}`);
    const actual = Buffer.from(signaturePart, 'base64url');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad_signature' };
    const claims = claimsOf(decode(payloadPart));
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.iss !== TOKEN_ISSUER) return { ok: false, reason: 'wrong_issuer' };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    if (claims.iat > nowSeconds + IAT_LEEWAY_SECONDS) return { ok: false, reason: 'not_yet_valid' };
    return { ok: true, claims };
  }
}

function sign(key: SigningKey, signingInput: string): Buffer {
  return createHmac('sha256', key.secret).update(signingInput).digest();
}

function claimsOf(payload: unknown): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const c = payload as Record<string, unknown>;
  const provinces = c.provinces;
  const valid =
    typeof c.iss === 'string' &&
    typeof c.sub === 'string' &&
    ROLES.includes(c.role as ActorRole) &&
    Array.isArray(provinces) &&
    provinces.every((p) => typeof p === 'string') &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp);
  return valid ? (c as unknown as AccessTokenClaims) : null;
}
