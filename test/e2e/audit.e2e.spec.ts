import { uuidv7 } from '@cdtt/event-sourcing';
import { newEvents } from '@cdtt/event-sourcing/testing';
import { toGlobalId } from '@cdtt/platform';
import { openSecurityHarness, REGISTER, type SecurityHarness } from './support/security-harness';

const VERIFY = `query V($id: ID!) {
  verifyStream(streamId: $id) { streamName ok eventCount headHash firstBadRevision firstBadEventId reason }
}`;

interface Registered {
  apiClient: { clientId: string } | null;
  clientSecret: string | null;
}

/** verifyStream over HTTP, as an auditor calls it; tampering is covered on a scratch database (int). */
describe('verifyStream over HTTP', () => {
  let h: SecurityHarness;
  let adminToken: string;
  const teamId = uuidv7();
  const streamName = `team-${teamId}`;
  let headHash = '';

  async function tokenFor(role: 'AUDITOR' | 'PORTAL'): Promise<string> {
    const input = role === 'PORTAL' ? { name: 'Cổng kiểm thử', role, provinceCodes: ['01'] } : { name: 'Kiểm toán viên', role };
    const created = await h.graphql(REGISTER, adminToken, { input });
    const { apiClient, clientSecret } = (created.body.data as { registerApiClient: Registered }).registerApiClient;
    return h.token(apiClient?.clientId ?? '', clientSecret ?? '');
  }

  beforeAll(async () => {
    h = await openSecurityHarness();
    adminToken = await h.token(h.admin.clientId, h.admin.secret);
    await h.runtime.eventStore.appendToStream(streamName, newEvents(2));
    const appended = await h.runtime.eventStore.appendToStream(streamName, newEvents(3));
    headHash = appended.events[appended.events.length - 1]?.metadata.hash ?? '';
  }, 30_000);
  afterAll(() => h.close());

  it('verifies a stream by name for an admin, with its head hash', async () => {
    const answer = await h.graphql(VERIFY, adminToken, { id: streamName });
    expect(answer.body).toMatchObject({
      data: { verifyStream: { streamName, ok: true, eventCount: 5, headHash, firstBadRevision: null, firstBadEventId: null, reason: null } },
    });
  });

  it("accepts a Team's global id, for an auditor and for the anonymous caller (an admin until auth is required)", async () => {
    const auditor = await tokenFor('AUDITOR');
    const byId = await h.graphql(VERIFY, auditor, { id: toGlobalId('Team', teamId) });
    expect(byId.body.data).toMatchObject({ verifyStream: { streamName, ok: true, eventCount: 5 } });
    const anonymous = await h.graphql(VERIFY, undefined, { id: streamName });
    expect(anonymous.body.data).toMatchObject({ verifyStream: { ok: true } });
  });

  it('refuses a portal with FORBIDDEN', async () => {
    const portal = await tokenFor('PORTAL');
    const answer = await h.graphql(VERIFY, portal, { id: streamName });
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an empty stream and BAD_USER_INPUT for the id of another type', async () => {
    const missing = await h.graphql(VERIFY, adminToken, { id: `team-${uuidv7()}` });
    expect(missing.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const other = await h.graphql(VERIFY, adminToken, { id: toGlobalId('ApiClient', uuidv7()) });
    expect(other.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
