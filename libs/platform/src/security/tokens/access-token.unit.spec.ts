import { createHmac, randomBytes } from 'node:crypto';
import type { RequestActor } from '../../graphql/request-actor';
import { AccessTokens, TOKEN_ISSUER } from './access-token';
import type { SigningKey } from './signing-keys';

const key = (kid: string): SigningKey => ({ kid, secret: randomBytes(32) });
const portal: RequestActor = { clientId: '0190b9f0-0000-7000-8000-000000000001', role: 'PORTAL', provinceCodes: ['10', '79'] };
const now = new Date('2026-01-01T00:00:00.000Z');
const later = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (token: string, index: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('access tokens (HS256 JWT)', () => {
  const k1 = key('k1');
  const tokens = new AccessTokens([k1]);

  it('issues a JWT with kid, issuer, subject, role, provinces and a 15-minute lifetime', () => {
    const { token } = tokens.issue(portal, now);
    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    expect(decodePart(token, 1)).toEqual({ iss: TOKEN_ISSUER, sub: portal.clientId, role: 'PORTAL', provinces: ['10', '79'], iat: 1767225600, exp: 1767225600 + 900 });
    expect(tokens.verify(token, later(60))).toMatchObject({ ok: true, claims: { sub: portal.clientId, role: 'PORTAL' } });
  });

  it('refuses an expired token', () => {
    const { token } = tokens.issue(portal, now);
    expect(tokens.verify(token, later(899))).toMatchObject({ ok: true });
    expect(tokens.verify(token, later(900))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with a key it does not know', () => {
    const { token } = new AccessTokens([key('other')]).issue(portal, now);
    expect(tokens.verify(token, now)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuses a token whose kid is known but whose key is not the one configured', () => {
    const { token } = new AccessTokens([key('k1')]).issue(portal, now);
    expect(tokens.verify(token, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a tampered payload (a portal promoting itself to admin)', () => {
    const { token } = tokens.issue(portal, now);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${part({ ...claims, role: 'ADMIN' })}.${signature}`;
    expect(tokens.verify(forged, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses alg "none" and other algorithms', () => {
    const payload = part({ iss: TOKEN_ISSUER, sub: 'x', role: 'ADMIN', provinces: [], iat: 1767225600, exp: 1767229200 });
    expect(tokens.verify(`${part({ alg: 'none', kid: 'k1' })}.${payload}.`, now)).toMatchObject({ ok: false });
    expect(tokens.verify(`${part({ alg: 'HS512', kid: 'k1' })}.${payload}.c2ln`, now)).toEqual({ ok: false, reason: 'unsupported_algorithm' });
  });

  it('refuses another issuer even when correctly signed', () => {
    const signingInput = `${part({ alg: 'HS256', kid: 'k1' })}.${part({ iss: 'elsewhere', sub: 'x', role: 'ADMIN', provinces: [], iat: 1767225600, exp: 1767229200 })}`;
    const signature = createHmac('sha256', k1.secret).update(signingInput).digest('base64url');
    expect(tokens.verify(`${signingInput}.${signature}`, now)).toEqual({ ok: false, reason: 'wrong_issuer' });
  });

  it('refuses garbage', () => {
    for (const garbage of ['', 'a.b', 'a.b.c.d', '!!!.???.###', 'x'.repeat(5000)]) {
      expect(tokens.verify(garbage, now)).toMatchObject({ ok: false });
    }
  });

  it('rotates keys: the first key signs, older keys still verify until removed', () => {
    const k2 = key('k2');
    const before = tokens.issue(portal, now).token;
    const rotated = new AccessTokens([k2, k1]);
    const after = rotated.issue(portal, now).token;
    expect(decodePart(after, 0).kid).toBe('k2');
    expect(rotated.verify(before, now)).toMatchObject({ ok: true });
    expect(rotated.verify(after, now)).toMatchObject({ ok: true });
    // Once k1 is dropped, its tokens stop working; k2's keep working.
    const retired = new AccessTokens([k2]);
    expect(retired.verify(before, now)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(retired.verify(after, now)).toMatchObject({ ok: true });
  });
});
