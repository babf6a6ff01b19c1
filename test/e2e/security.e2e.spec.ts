import request from 'supertest';
import { openSecurityHarness, REGISTER, type SecurityHarness } from './support/security-harness';

interface Registered {
  apiClient: { id: string; clientId: string; role: string; provinceCodes: string[]; status: string } | null;
  clientSecret: string | null;
  userErrors: Array<{ code: string }>;
}

/** Credentials over real HTTP: bootstrap admin, token endpoint, authenticated calls, revocation. */
describe('security: API clients and tokens', () => {
  let h: SecurityHarness;
  let adminToken: string;
  let portal: { clientId: string; secret: string };

  beforeAll(async () => {
    h = await openSecurityHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('issues a token to the bootstrap admin (form body), never cached', async () => {
    const response = await request(h.server())
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: h.admin.clientId, client_secret: h.admin.secret })
      .expect(200);
    expect(response.body).toEqual({ access_token: expect.any(String) as unknown, token_type: 'Bearer', expires_in: 900 });
    expect(response.headers['cache-control']).toBe('no-store');
    adminToken = (response.body as { access_token: string }).access_token;
  });

  it('lets an admin register a portal; the secret is shown once and the event names the admin', async () => {
    const answer = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10'], idempotencyKey: 'e2e-portal' } });
    const payload = (answer.body.data as { registerApiClient: Registered }).registerApiClient;
    expect(payload).toMatchObject({ apiClient: { role: 'PORTAL', provinceCodes: ['10'], status: 'ACTIVE' }, userErrors: [] });
    expect(payload.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    portal = { clientId: payload.apiClient?.clientId ?? '', secret: payload.clientSecret ?? '' };
    const [registered] = await h.runtime.eventStore.readStream(`apiclient-${portal.clientId}`);
    expect(registered?.metadata.actor).toEqual({ clientId: h.admin.clientId, role: 'ADMIN' });
    expect(JSON.stringify(registered)).not.toContain(portal.secret);

    // A retry with the same key returns the client but never the secret again (it was not kept).
    const retry = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10'], idempotencyKey: 'e2e-portal' } });
    expect((retry.body.data as { registerApiClient: Registered }).registerApiClient).toMatchObject({ apiClient: { clientId: portal.clientId }, clientSecret: null });
  });

  it('returns domain rejections as userErrors', async () => {
    const answer = await h.graphql(REGISTER, adminToken, { input: { name: 'Không tỉnh', role: 'PORTAL', provinceCodes: [] } });
    expect((answer.body.data as { registerApiClient: Registered }).registerApiClient).toMatchObject({ apiClient: null, userErrors: [{ code: 'PROVINCES_REQUIRED' }] });
  });

  it('authenticates a portal by HTTP Basic and serves its calls, reporting cost', async () => {
    const response = await request(h.server()).post('/oauth/token').auth(portal.clientId, portal.secret).send({ grant_type: 'client_credentials' }).expect(200);
    const token = (response.body as { access_token: string }).access_token;
    const answer = await h.graphql('{ health { status } }', token);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ health: { status: 'ok' } });
    expect(answer.body.extensions?.cost).toEqual({ requested: 1, limit: 10_000, remainingBudget: expect.any(Number) as unknown });
  });

  it('refuses a wrong secret, an unknown client and other grants per RFC 6749', async () => {
    const token = (body: object): request.Test => request(h.server()).post('/oauth/token').set('content-type', 'application/json').send(body);
    const wrong = await token({ grant_type: 'client_credentials', client_id: portal.clientId, client_secret: 'x'.repeat(43) }).expect(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client' });
    await token({ grant_type: 'client_credentials', client_id: '0190b9f0-0000-7000-8000-000000000000', client_secret: 'y' }).expect(401);
    expect((await token({ grant_type: 'password' }).expect(400)).body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await token({ client_id: 'a' }).expect(400)).body).toMatchObject({ error: 'invalid_request' });
  });

  it('keeps credential management to authenticated admins', async () => {
    const portalToken = await h.token(portal.clientId, portal.secret);
    const input = { input: { name: 'X', role: 'ADMIN' } };
    expect((await h.graphql(REGISTER, portalToken, input)).body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await h.graphql(REGISTER, undefined, input)).body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses invalid, tampered and revoked tokens with UNAUTHENTICATED', async () => {
    const portalToken = await h.token(portal.clientId, portal.secret);
    // The signature's first character always changes decoded bits (its last one carries two unused
    // bits, and overwriting the tail with fixed text left it unchanged about once in a thousand runs).
    const at = portalToken.lastIndexOf('.') + 1;
    const tampered = `${portalToken.slice(0, at)}${portalToken[at] === 'A' ? 'B' : 'A'}${portalToken.slice(at + 1)}`;
    for (const bad of ['garbage', tampered, `${portalToken} extra`]) {
      const answer = await h.graphql('{ health { status } }', bad);
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    const revoke = await h.graphql('mutation($i: RevokeApiClientInput!) { revokeApiClient(input: $i) { apiClient { status } userErrors { code } } }', adminToken, { i: { clientId: portal.clientId, reason: 'e2e' } });
    expect(revoke.body.data).toEqual({ revokeApiClient: { apiClient: { status: 'REVOKED' }, userErrors: [] } });
    const after = await h.graphql('{ health { status } }', portalToken);
    expect(after.status).toBe(401);
    expect(after.headers['www-authenticate']).toContain('invalid_token');
    await request(h.server()).post('/oauth/token').auth(portal.clientId, portal.secret).send({ grant_type: 'client_credentials' }).expect(401);
  });

  it('rotation invalidates the old secret and the tokens issued with it', async () => {
    const created = await h.graphql(REGISTER, adminToken, { input: { name: 'Kiểm toán', role: 'AUDITOR' } });
    const auditor = (created.body.data as { registerApiClient: Registered }).registerApiClient;
    const clientId = auditor.apiClient?.clientId ?? '';
    const oldToken = await h.token(clientId, auditor.clientSecret ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // tokens carry whole seconds
    const rotated = await h.graphql('mutation($i: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $i) { clientSecret version } }', adminToken, { i: { clientId } });
    const { clientSecret, version } = (rotated.body.data as { rotateApiClientSecret: { clientSecret: string; version: number } }).rotateApiClientSecret;
    expect(version).toBe(1);
    expect((await h.graphql('{ health { status } }', oldToken)).status).toBe(401);
    expect((await h.graphql('{ health { status } }', await h.token(clientId, clientSecret))).status).toBe(200);
  });

  it('with AUTH_REQUIRED, a call without a token is refused', async () => {
    const required = await h.requiredApp();
    const response = await request(required.getHttpServer() as Parameters<typeof request>[0])
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ health { status } }' })
      .expect(401);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String) as unknown, extensions: { code: 'UNAUTHENTICATED' } }] });
    await request(required.getHttpServer() as Parameters<typeof request>[0]).post('/graphql').set('authorization', `Bearer ${adminToken}`).set('content-type', 'application/json').send({ query: '{ health { status } }' }).expect(200);
  });
});
