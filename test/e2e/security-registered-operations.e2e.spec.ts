import { createHash } from 'node:crypto';
import request from 'supertest';
import { openSecurityHarness, REGISTER, type GraphqlAnswer, type SecurityHarness } from './support/security-harness';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const codeOf = (answer: GraphqlAnswer): unknown => answer.body.errors?.[0]?.extensions.code;

const POLICY = `mutation P($input: SetApiClientOperationPolicyInput!) {
  setApiClientOperationPolicy(input: $input) { apiClient { clientId registeredOperationsOnly } version userErrors { code field } }
}`;
const REGISTER_OPERATION = `mutation O($input: RegisterApiClientOperationInput!) {
  registerApiClientOperation(input: $input) { sha256Hash apiClient { clientId } version userErrors { code field } }
}`;
const HEALTH = 'query Health { health { status } }';
const DEEP = `{ testTree(first: 1) { ${'children(first: 1) { '.repeat(12)}name${' }'.repeat(12)} } }`;


// The harness opens a runtime and a projector: on a loaded machine that takes more than jest's 5 s.
jest.setTimeout(60_000);
/** Registered (persisted) operations, optional per client, over real HTTP. */
describe('security: registered operations', () => {
  let h: SecurityHarness;
  let adminToken: string;
  let portal: { clientId: string; token: string };
  let other: { clientId: string; token: string };

  const newPortal = async (): Promise<{ clientId: string; token: string }> => {
    const created = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Huế', role: 'PORTAL', provinceCodes: ['46'] } });
    const payload = (created.body.data as { registerApiClient: { apiClient: { clientId: string }; clientSecret: string } }).registerApiClient;
    return { clientId: payload.apiClient.clientId, token: await h.token(payload.apiClient.clientId, payload.clientSecret) };
  };
  const persisted = async (token: string, body: Record<string, unknown>): Promise<GraphqlAnswer> => {
    const answer = await request(h.server()).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send(body);
    return { status: answer.status, body: answer.body as GraphqlAnswer['body'], headers: answer.headers };
  };
  const byHash = (hash: string): Record<string, unknown> => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
  const registerFor = async (clientId: string, document: string, token = adminToken): Promise<GraphqlAnswer> =>
    h.graphql(REGISTER_OPERATION, token, { input: { clientId, document } });

  beforeAll(async () => {
    h = await openSecurityHarness();
    adminToken = await h.token(h.admin.clientId, h.admin.secret);
    portal = await newPortal();
    other = await newPortal();
  });
  afterAll(async () => {
    await h.runtime.dataSource.query('DELETE FROM api_cost_buckets WHERE client_id = ANY($1)', [[portal.clientId, other.clientId, h.admin.clientId]]);
    await h.close();
  });

  it('lets an admin register a document under its SHA-256, once', async () => {
    const first = await registerFor(portal.clientId, HEALTH);
    expect(first.body.data?.registerApiClientOperation).toMatchObject({ sha256Hash: sha256(HEALTH), userErrors: [] });
    const again = await registerFor(portal.clientId, HEALTH);
    expect(again.body.data?.registerApiClientOperation).toMatchObject({ sha256Hash: sha256(HEALTH), userErrors: [] });
    const events = await h.runtime.eventStore.readStream(`apiclient-${portal.clientId}`);
    expect(events.filter((e) => e.type === 'ApiClientOperationRegistered')).toHaveLength(1);
  });

  it('refuses unparsable documents and non-admin callers', async () => {
    const broken = await registerFor(portal.clientId, '{ health { status ');
    expect(broken.body.data?.registerApiClientOperation).toMatchObject({ sha256Hash: null, userErrors: [{ code: 'OPERATION_DOCUMENT_INVALID', field: ['input', 'document'] }] });
    expect(codeOf(await registerFor(portal.clientId, HEALTH, portal.token))).toBe('FORBIDDEN');
    expect(codeOf(await h.graphql(POLICY, portal.token, { input: { clientId: portal.clientId, registeredOperationsOnly: false } }))).toBe('FORBIDDEN');
  });

  it('runs a registered document by hash alone (Apollo persisted-query shape), for its client only', async () => {
    const answer = await persisted(portal.token, { ...byHash(sha256(HEALTH)), operationName: 'Health' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { health: { status: expect.any(String) as unknown } } });
    const stranger = await persisted(other.token, byHash(sha256(HEALTH)));
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    const malformed = await persisted(portal.token, byHash('not-a-hash'));
    expect(malformed.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    const get = await request(h.server())
      .get('/graphql')
      .query({ extensions: JSON.stringify(byHash(sha256(HEALTH)).extensions) })
      .set('authorization', `Bearer ${portal.token}`)
      .set('apollo-require-preflight', 'true');
    expect([get.status, (get.body as GraphqlAnswer['body']).errors?.[0]?.extensions.code]).toEqual([200, 'PERSISTED_QUERY_NOT_SUPPORTED']);
    const mismatch = await persisted(portal.token, { query: '{ health { database } }', ...byHash(sha256(HEALTH)) });
    expect(mismatch.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('restricts a client to its registered documents once an admin says so, recorded as an event', async () => {
    expect((await h.graphql('{ health { database } }', portal.token)).status).toBe(200);
    const set = await h.graphql(POLICY, adminToken, { input: { clientId: portal.clientId, registeredOperationsOnly: true } });
    expect(set.body.data?.setApiClientOperationPolicy).toMatchObject({ apiClient: { registeredOperationsOnly: true }, userErrors: [] });
    const events = await h.runtime.eventStore.readStream(`apiclient-${portal.clientId}`);
    expect(events.at(-1)).toMatchObject({ type: 'ApiClientOperationPolicyChanged', data: { registeredOperationsOnly: true }, metadata: { actor: { clientId: h.admin.clientId } } });

    const unregistered = await h.graphql('{ health { database } }', portal.token);
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_NOT_REGISTERED' });
    expect(unregistered.body.data).toBeUndefined();
    // The registered text itself, and its hash, still run; so does GET with the registered text only.
    expect((await h.graphql(HEALTH, portal.token)).body.data).toMatchObject({ health: {} });
    expect((await persisted(portal.token, byHash(sha256(HEALTH)))).body.data).toMatchObject({ health: {} });
    const get = await request(h.server()).get('/graphql').query({ query: '{ health { database } }' }).set('authorization', `Bearer ${portal.token}`).set('apollo-require-preflight', 'true');
    expect([get.status, (get.body as GraphqlAnswer['body']).errors?.[0]?.extensions.code]).toEqual([403, 'OPERATION_NOT_REGISTERED']);
    // Other clients are not affected.
    expect((await h.graphql('{ health { database } }', other.token)).status).toBe(200);
  });

  it('still applies every limit to a registered document', async () => {
    await registerFor(portal.clientId, DEEP);
    const answer = await persisted(portal.token, byHash(sha256(DEEP)));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12 });
  });

  it('lifts the restriction again', async () => {
    await h.graphql(POLICY, adminToken, { input: { clientId: portal.clientId, registeredOperationsOnly: false } });
    expect((await h.graphql('{ health { database } }', portal.token)).status).toBe(200);
  });
});
