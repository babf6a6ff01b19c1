import { randomInt } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { openSecurityHarness, REGISTER, type SecurityHarness } from './support/security-harness';

// The harness opens a runtime and a projector: on a loaded machine that takes more than jest's 5 s.
jest.setTimeout(60_000);

/** An address of its own per test (TEST-NET-2), so runs and tests never share a bucket. */
const freshAddress = (): string => `198.51.100.${randomInt(1, 255)}`;

/** Brute-force protection of the credential endpoints, shared by API instances through PostgreSQL. */
describe('security: rate limits on /oauth/token', () => {
  let h: SecurityHarness;
  let portal: { id: string; secret: string };
  const previousTrustProxy = process.env.TRUST_PROXY;
  const cleanup: string[] = [];

  const tokenCall = (server: App, address: string, clientId: string, secret: string): request.Test =>
    request(server).post('/oauth/token').set('x-forwarded-for', address).type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  const throttle = async (key: string): Promise<void> => {
    cleanup.push(key);
    await h.runtime.dataSource.query('UPDATE rate_limit_buckets SET tokens = 0, updated_at = now() WHERE bucket_key = $1', [key]);
  };

  beforeAll(async () => {
    // The test client talks through loopback: trust it to say which address it calls for.
    process.env.TRUST_PROXY = 'loopback';
    h = await openSecurityHarness();
    const adminToken = await h.token(h.admin.clientId, h.admin.secret);
    const created = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Cần Thơ', role: 'PORTAL', provinceCodes: ['92'] } });
    const payload = (created.body.data as { registerApiClient: { apiClient: { clientId: string }; clientSecret: string } }).registerApiClient;
    portal = { id: payload.apiClient.clientId, secret: payload.clientSecret };
    cleanup.push(`oauth-client:${portal.id}`, `oauth-client:${h.admin.clientId}`);
  });
  afterAll(async () => {
    process.env.TRUST_PROXY = previousTrustProxy;
    await h.runtime.dataSource.query('DELETE FROM rate_limit_buckets WHERE bucket_key = ANY($1)', [cleanup]);
    await h.close();
  });

  it('refuses the 11th quick attempt for one client id with 429, Retry-After and a coded body, from any address', async () => {
    const address = freshAddress();
    cleanup.push(`oauth-address:${address}`);
    for (let i = 0; i < 10; i += 1) await tokenCall(h.server(), address, portal.id, 'wrong-secret').expect(401);
    const refused = await tokenCall(h.server(), address, portal.id, 'wrong-secret').expect(429);
    expect(refused.body).toEqual({ error: 'too_many_requests', error_description: expect.any(String) as unknown, retry_after: expect.any(Number) as unknown });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['cache-control']).toBe('no-store');
    // The right secret, from elsewhere, waits too: the limit is the client id's, not the address's.
    const other = freshAddress();
    cleanup.push(`oauth-address:${other}`);
    await tokenCall(h.server(), other, portal.id, portal.secret).expect(429);
    // Another client from the first address is served.
    await tokenCall(h.server(), address, h.admin.clientId, h.admin.secret).expect(200);
  });

  it('refuses an address that made too many attempts, whatever client it names, on every instance', async () => {
    const address = freshAddress();
    await tokenCall(h.server(), address, 'not-a-client', 'x').expect(401);
    await throttle(`oauth-address:${address}`);
    const refused = await tokenCall(h.server(), address, h.admin.clientId, h.admin.secret).expect(429);
    expect(refused.body).toMatchObject({ error: 'too_many_requests' });
    // A malformed request from it is counted too (it costs nothing, but neither may a flood of them).
    await request(h.server()).post('/oauth/token').set('x-forwarded-for', address).type('form').send({ grant_type: 'password' }).expect(429);
    // Another API instance on the same database sees the same bucket. Emptied again once it is up:
    // on a loaded machine its start outlasted the time the bucket takes to earn a token back.
    const second = await h.requiredApp();
    await throttle(`oauth-address:${address}`);
    await tokenCall(second.getHttpServer() as App, address, h.admin.clientId, h.admin.secret).expect(429);
    await tokenCall(second.getHttpServer() as App, freshAddress(), h.admin.clientId, h.admin.secret).expect(200);
  });

  it("applies the same limits to GraphiQL's sign-in, answering THROTTLED", async () => {
    const address = freshAddress();
    await tokenCall(h.server(), address, 'not-a-client', 'x').expect(401);
    await throttle(`oauth-address:${address}`);
    const credentials = Buffer.from(`${h.admin.clientId}:${h.admin.secret}`).toString('base64');
    const refused = await request(h.server()).get('/graphiql').set('x-forwarded-for', address).set('authorization', `Basic ${credentials}`).expect(429);
    expect(refused.body).toEqual({ errors: [{ message: expect.any(String) as unknown, extensions: { code: 'THROTTLED' } }] });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

});
