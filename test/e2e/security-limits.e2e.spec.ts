import request from 'supertest';
import { openSecurityHarness, REGISTER, type GraphqlAnswer, type SecurityHarness } from './support/security-harness';

const codeOf = (answer: GraphqlAnswer): unknown => answer.body.errors?.[0]?.extensions.code;


// The harness opens a runtime and a projector: on a loaded machine that takes more than jest's 5 s.
jest.setTimeout(60_000);
/** Hostile requests over real HTTP: each is refused before execution with its documented code. */
describe('security: GraphQL limits', () => {
  let h: SecurityHarness;
  let adminToken: string;
  let portalToken: string;
  let portalId: string;

  beforeAll(async () => {
    h = await openSecurityHarness();
    adminToken = await h.token(h.admin.clientId, h.admin.secret);
    const created = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Hà Nội', role: 'PORTAL', provinceCodes: ['01'] } });
    const payload = (created.body.data as { registerApiClient: { apiClient: { clientId: string }; clientSecret: string } }).registerApiClient;
    portalId = payload.apiClient.clientId;
    portalToken = await h.token(portalId, payload.clientSecret);
  });
  afterAll(async () => {
    await h.runtime.dataSource.query('DELETE FROM api_cost_buckets WHERE client_id = ANY($1)', [[portalId, h.admin.clientId]]);
    await h.close();
  });

  it('refuses deep nesting', async () => {
    const deep = `{ testTree(first: 1) { ${'children(first: 1) { '.repeat(12)}name${' }'.repeat(12)} } }`;
    const answer = await h.graphql(deep, portalToken);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12 });
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, i) => `a${i}: health { status }`).join(' ');
    const answer = await h.graphql(`{ ${aliases} }`, portalToken);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 30 });
  });

  it('refuses a huge connection (first: 100 nested thrice), reporting the cost', async () => {
    const huge = '{ testTree(first: 100) { children(first: 100) { children(first: 100) { name } } } }';
    const answer = await h.graphql(huge, portalToken);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: { requested: 1_010_101, limit: 10_000, remainingBudget: null } });
    const fine = await h.graphql('{ testTree(first: 3) { children(first: 3) { name } } }', portalToken);
    expect(fine.body.extensions?.cost).toMatchObject({ requested: 1 + 3 * (1 + 3), limit: 10_000 });
  });

  it('refuses a huge page of a real connection (teams(first: 100000)) before it runs', async () => {
    const answer = await h.graphql('{ teams(first: 100000) { totalCount nodes { id name } } }', portalToken);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: { requested: 100_001, limit: 10_000 } });
    expect(answer.body.data).toBeUndefined();
    // Within the cost limit, the connection's own cap (100 a page) still refuses the page size.
    expect((await h.graphql('{ teams(first: 1000) { totalCount } }', portalToken)).body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a batched (array) body', async () => {
    const response = await request(h.server())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ health { status } }' }, { query: '{ health { status } }' }])
      .expect(400);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String) as unknown, extensions: { code: 'BATCHING_NOT_SUPPORTED' } }] });
  });

  it('refuses a body over 100 kB with a JSON 413, on /graphql and /oauth/token', async () => {
    const padding = ' '.repeat(101 * 1024);
    const graphql = await request(h.server()).post('/graphql').set('content-type', 'application/json').send(`{"query":"{ health { status } }${padding}"}`).expect(413);
    expect(graphql.body).toEqual({ errors: [{ message: 'The request body exceeds 100 kB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const token = await request(h.server()).post('/oauth/token').type('form').send(`grant_type=client_credentials&x=${'a'.repeat(101 * 1024)}`).expect(413);
    expect(token.body).toMatchObject({ error: 'invalid_request' });
    // Just under the limit is served.
    await request(h.server()).post('/graphql').set('content-type', 'application/json').send(`{"query":"{ health { status } }${' '.repeat(90 * 1024)}"}`).expect(200);
  });

  it('answers malformed JSON with a coded JSON error', async () => {
    const response = await request(h.server()).post('/graphql').set('content-type', 'application/json').send('{"query": ').expect(400);
    expect(response.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('strips field suggestions for non-admins, keeps them for authenticated admins', async () => {
    const typo = '{ health { statu } }';
    for (const token of [portalToken, undefined]) {
      const answer = await h.graphql(typo, token);
      expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "statu" on type "Health".');
    }
    expect((await h.graphql(typo, adminToken)).body.errors?.[0]?.message).toContain('Did you mean "status"?');
  });

  it('strips every kind of suggestion (arguments, enum values, types, input fields) for non-admins', async () => {
    const teamsByStatus = 'query($s: TeamStatus) { teams(filter: { status: $s }, first: 1) { totalCount } }';
    // Each typo, and the name a suggestion would reveal.
    const typos: Array<[string, Record<string, unknown>, string]> = [
      ['{ teams(frist: 1) { totalCount } }', {}, '"first"'],
      ['{ teams(first: 1, orderBy: { field: NAMES, direction: ASC }) { totalCount } }', {}, '"NAME"'],
      ['query($f: TeamFiltr) { teams(filter: $f, first: 1) { totalCount } }', {}, '"TeamFilter"'],
      ['{ teams(filter: { provinceCod: "01" }, first: 1) { totalCount } }', {}, '"provinceCode"'],
      [teamsByStatus, { s: 'ACTIV' }, '"ACTIVE"'],
    ];
    for (const [query, variables, revealed] of typos) {
      const admin = await h.graphql(query, adminToken, variables);
      expect([query, admin.body.errors?.[0]?.message]).toEqual([query, expect.stringContaining(`Did you mean`)]);
      expect([query, admin.body.errors?.[0]?.message]).toEqual([query, expect.stringContaining(revealed)]);
      for (const token of [portalToken, undefined]) {
        const answer = await h.graphql(query, token, variables);
        expect([query, answer.body.errors?.length]).toEqual([query, 1]);
        expect([query, answer.body.errors?.[0]?.message]).toEqual([query, expect.not.stringContaining('Did you mean')]);
        expect([query, answer.body.errors?.[0]?.message]).toEqual([query, expect.not.stringContaining(revealed)]);
      }
    }
  });

  it('allows introspection to authenticated admins only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    for (const token of [portalToken, undefined]) {
      const answer = await h.graphql(introspection, token);
      expect(answer.status).toBe(403);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(answer.body.data).toBeUndefined();
    }
    const admin = await h.graphql(introspection, adminToken);
    expect(admin.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('throttles a client whose cost budget is spent, saying when to retry', async () => {
    await h.graphql('{ health { status } }', portalToken);
    await h.runtime.dataSource.query('UPDATE api_cost_buckets SET tokens = 0, updated_at = now() WHERE client_id = $1', [portalId]);
    const answer = await h.graphql('{ testTree(first: 100) { children(first: 20) { name } } }', portalToken);
    expect(answer.status).toBe(429);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) as unknown });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another client's budget is its own.
    expect((await h.graphql('{ health { status } }', adminToken)).status).toBe(200);
  });
});
