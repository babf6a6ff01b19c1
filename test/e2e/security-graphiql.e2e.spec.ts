import { JSDOM } from 'jsdom';
import request from 'supertest';
import { openSecurityHarness, REGISTER, type GraphqlAnswer, type SecurityHarness } from './support/security-harness';

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;


// The harness opens a runtime and a projector: on a loaded machine that takes more than jest's 5 s.
jest.setTimeout(60_000);
/** GraphiQL for authenticated admins only, served offline from the API's own npm packages. */
describe('security: GraphiQL', () => {
  let h: SecurityHarness;
  let adminToken: string;
  let portal: { id: string; secret: string; token: string };

  beforeAll(async () => {
    h = await openSecurityHarness();
    adminToken = await h.token(h.admin.clientId, h.admin.secret);
    const created = await h.graphql(REGISTER, adminToken, { input: { name: 'Cổng Đà Nẵng', role: 'PORTAL', provinceCodes: ['48'] } });
    const payload = (created.body.data as { registerApiClient: { apiClient: { clientId: string }; clientSecret: string } }).registerApiClient;
    portal = { id: payload.apiClient.clientId, secret: payload.clientSecret, token: await h.token(payload.apiClient.clientId, payload.clientSecret) };
  });
  afterAll(async () => {
    await h.runtime.dataSource.query('DELETE FROM api_cost_buckets WHERE client_id = ANY($1)', [[portal.id, h.admin.clientId]]);
    await h.close();
  });

  const page = (authorization?: string): request.Test => {
    const call = request(h.server()).get('/graphiql');
    return authorization ? call.set('authorization', authorization) : call;
  };

  it('challenges a caller without credentials (even while anonymous calls act as admin), in coded JSON', async () => {
    const answer = await page().expect(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(answer.body).toEqual({ errors: [{ message: expect.any(String) as unknown, extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(answer.text).not.toContain('<html');
  });

  it('refuses wrong credentials and invalid tokens as unauthenticated', async () => {
    for (const authorization of [basic(h.admin.clientId, 'wrong-secret'), basic('not-a-client', 'x'), 'Basic !!!', 'Bearer not.a.token']) {
      const answer = await page(authorization).expect(401);
      expect((answer.body as GraphqlAnswer['body']).errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses clients that are not admins with FORBIDDEN', async () => {
    for (const authorization of [basic(portal.id, portal.secret), `Bearer ${portal.token}`]) {
      const answer = await page(authorization).expect(403);
      expect(answer.body).toEqual({ errors: [{ message: 'GraphiQL is for ADMIN clients only.', extensions: { code: 'FORBIDDEN' } }] });
    }
  });

  it('serves an admin signed in with HTTP Basic a page whose token works for introspection', async () => {
    const answer = await page(basic(h.admin.clientId, h.admin.secret)).expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['x-frame-options']).toBe('DENY');
    const token = /<meta name="cdtt-access-token" content="([^"]+)">/.exec(answer.text)?.[1] ?? '';
    const introspection = await h.graphql('{ __schema { queryType { name } } }', token);
    expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // No inline script (the CSP forbids it) and nothing from another origin.
    expect(answer.text).not.toMatch(/<script>(?!<\/script>)|<script [^>]*src="(?!\/graphiql\/assets\/)/);
    expect(answer.text).not.toMatch(/https?:\/\//);
  });

  it('serves an admin with a bearer token, with that token', async () => {
    const answer = await page(`Bearer ${adminToken}`).expect(200);
    expect(answer.text).toContain(`content="${adminToken}"`);
  });

  it('serves every file the page names from local packages, and nothing else', async () => {
    const html = (await page(`Bearer ${adminToken}`)).text;
    const files = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(files).toHaveLength(5);
    for (const file of files) {
      const asset = await request(h.server()).get(file).buffer(true).expect(200);
      expect(asset.headers['content-type']).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.text.length).toBeGreaterThan(100);
    }
    const graphiql = await request(h.server()).get('/graphiql/assets/graphiql.min.js').buffer(true).expect(200);
    expect(graphiql.text.slice(0, 400)).toContain('GraphiQL');
    for (const name of ['..%2Fpackage.json', 'package.json', '%2Fetc%2Fpasswd', 'graphiql.min.js.map']) {
      const missing = await request(h.server()).get(`/graphiql/assets/${name}`);
      expect([name, missing.status]).toEqual([name, 404]);
    }
  });

  it('renders GraphiQL from the served files alone, which introspects with the admin token it was given', async () => {
    const html = (await page(basic(h.admin.clientId, h.admin.secret)).expect(200)).text;
    const dom = new JSDOM(html, { url: 'http://registry.local/graphiql', runScripts: 'outside-only', pretendToBeVisual: true });
    const window = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown; document: Document };
    const sent: Array<{ url: string; authorization: string | undefined; status: number; body: string }> = [];
    // The page's only way out: every request goes to this API (no network exists in this test).
    window.fetch = async (url: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> => {
      const headers = init.headers ?? {};
      const call = request(h.server()).post(new URL(url, 'http://registry.local').pathname).set('content-type', 'application/json');
      if (headers.authorization) call.set('authorization', headers.authorization);
      const answer = await call.send(init.body ?? '');
      sent.push({ url, authorization: headers.authorization, status: answer.status, body: answer.text });
      return new Response(answer.text, { status: answer.status, headers: { 'content-type': 'application/json' } });
    };
    // What jsdom lacks of a browser's layout APIs (CodeMirror measures text).
    Object.assign(window, { TextDecoder, TextEncoder, ResizeObserver: class { observe(): void {} unobserve(): void {} disconnect(): void {} } });
    const range = (window.Range as { prototype: Record<string, unknown> }).prototype;
    range.getBoundingClientRect = () => ({ top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 });
    range.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: function* () {} });
    for (const script of window.document.querySelectorAll('script[src]')) {
      window.eval((await request(h.server()).get(script.getAttribute('src') ?? '').buffer(true).expect(200)).text);
    }
    for (let i = 0; i < 50 && !sent.some((s) => s.body.includes('__schema')); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.document.querySelector('.graphiql-container')).not.toBeNull();
    expect(window.document.querySelector('meta[name="cdtt-access-token"]')).toBeNull();
    const introspection = sent.find((s) => s.body.includes('__schema'));
    expect(introspection).toMatchObject({ url: '/graphql', status: 200, authorization: expect.stringMatching(/^Bearer /) as unknown });
    dom.window.close();
  });
});
