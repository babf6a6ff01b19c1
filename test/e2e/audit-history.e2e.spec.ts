import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { AuditLogReader, fromGlobalId, ProvinceScope, runExportEvents, runVerifyChain } from '@cdtt/platform';
import { waitForProjections } from './support/catch-up';
import { untilLogVisible, untilWorldVisible } from './support/audit-visibility';
import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';

interface Entry {
  __typename: string;
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  position: string;
  actor: { clientId: string; role: string };
  hash: string;
  prevHash: string;
  data?: Record<string, unknown> | null;
}
interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: Entry }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ENTRY = `__typename eventId type stream revision position actor { clientId role } hash prevHash
  ... on MemberJoinedAuditEntry { data { personId role effectiveDate } }
  ... on TeamRenamedAuditEntry { data { name } }
  ... on PersonRegisteredAuditEntry { data { personId personal { fullName phone birthYear } } }`;
const PAGE = `totalCount edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor }`;
const HISTORY = `query($id: ID!, $first: Int, $after: String) { history(id: $id, first: $first, after: $after) { ${PAGE} } }`;
/** Event data holds ids as stored (UUIDs); the API hands out global ids. */
const local = (globalId: string): string => fromGlobalId(globalId)?.localId ?? globalId;
const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;

/** History and the audit log over HTTP (as the anonymous admin the tests run as). */
describe('history and auditLog over HTTP', () => {
  const world = new TeamsE2eWorld([1903, 1926]);
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  let teamId = '';
  let leader = '';
  let member = '';
  const started = new Date().toISOString();

  async function page(query: string, variables: Record<string, unknown>): Promise<Page> {
    const answer = await world.gql(query, variables);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return Object.values(answer.data ?? {})[0] as Page;
  }

  /** Every entry, following cursors `first` at a time. */
  async function all(query: string, variables: Record<string, unknown>, first: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    let after = (variables.after as string | undefined) ?? null;
    for (;;) {
      const p = await page(query, { ...variables, first, after });
      entries.push(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasNextPage) return entries;
      after = p.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    const villages = await world.open(2, 2);
    await untilWorldVisible(world, 2);
    const c = world.communes;
    teamId = (await api.ok('establishTeam', api.establishInput(c[0]!, [villages[0]![0]!], 'VILLAGE', d('02-01')))).team!.id;
    leader = (await api.ok('addTeamMember', { teamId, person: api.person('Nguyễn Thị Lan'), role: 'LEADER', effectiveDate: d('02-01') })).personId!;
    member = (await api.ok('addTeamMember', { teamId, person: api.person('Trần Văn Minh'), role: 'MEMBER', effectiveDate: d('02-10') })).personId!;
    await api.ok('renameTeam', { teamId, name: 'Tổ CNSCĐ đổi tên', effectiveDate: d('03-01') });
    await api.ok('removeTeamMember', { teamId, personId: member, effectiveDate: d('04-01') });
    // A team in the other commune: the commune filter must leave it out.
    const other = (await api.ok('establishTeam', api.establishInput(c[1]!, [villages[1]![0]!], 'VILLAGE', d('02-01')))).team!.id;
    await api.ok('addTeamMember', { teamId: other, person: api.person('Lê Văn Khác'), role: 'LEADER', effectiveDate: d('02-01') });
  }, 180_000);
  afterAll(() => world.close());

  it("lists exactly a team's events in order, with actors, hashes linked, in pages", async () => {
    const entries = await all(HISTORY, { id: teamId }, 2);
    expect(entries.map((e) => e.type)).toEqual(['TeamEstablished', 'MemberJoined', 'MemberJoined', 'TeamRenamed', 'MemberLeft']);
    expect(entries.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(entries.map((e) => `${e.actor.clientId}/${e.actor.role}`))).toEqual(new Set(['anonymous/ADMIN']));
    entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i]!.hash));
    expect(entries[1]).toMatchObject({ __typename: 'MemberJoinedAuditEntry', data: { personId: local(leader), role: 'LEADER', effectiveDate: d('02-01') } });
    expect(entries[3]).toMatchObject({ __typename: 'TeamRenamedAuditEntry', data: { name: 'Tổ CNSCĐ đổi tên' } });
    const stored = await world.runtime.storedEvents.readStream(entries[0]!.stream);
    expect(entries.map((e) => e.eventId)).toEqual(stored.map((e) => e.id));
    const first = await page(HISTORY, { id: teamId, first: 2 });
    expect(first.totalCount).toBe(5);
  });

  it('shows personal fields opened, and [erased] once the person is forgotten', async () => {
    const stream = leader; // a Person's global id names its stream
    const before = (await page(HISTORY, { id: stream, first: 10 })).edges[0]!.node;
    expect(before).toMatchObject({ __typename: 'PersonRegisteredAuditEntry', data: { personId: local(leader), personal: { fullName: 'Nguyễn Thị Lan', phone: '0912345678', birthYear: 1990 } } });
    await api.ok('forgetPerson', { personId: leader });
    const after = (await page(HISTORY, { id: stream, first: 10 })).edges[0]!.node;
    expect(after.data).toEqual({ personId: local(leader), personal: { fullName: '[erased]', phone: '[erased]', birthYear: null } });
    expect(after.hash).toBe(before.hash);
  });

  it('answers an empty history for an unknown stream', async () => {
    expect(await page(HISTORY, { id: 'team-0190aaaa-0000-7000-8000-000000000000', first: 5 })).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('filters the audit log by type, commune, province, actor and recorded time, and pages stably', async () => {
    await untilLogVisible(world.runtime);
    await waitForProjections(world.runtime, ['audit_index_v1'], 60_000);
    const c = world.communes;
    const joined = await all(AUDIT_LOG, { filter: { eventTypes: ['MemberJoined'], communeCode: c[0], recordedFrom: started } }, 100);
    expect(joined.map((e) => (e.data as { personId: string }).personId)).toEqual([local(leader), local(member)]);
    const province = { provinceCode: world.province, recordedFrom: started };
    const whole = await all(AUDIT_LOG, { filter: province }, 100);
    // This run's four villages, two teams, three people: nothing of another run or province.
    expect(whole.map((e) => e.type).sort()).toEqual(
      ['TeamEstablished', 'TeamEstablished', 'MemberJoined', 'MemberJoined', 'MemberJoined', 'TeamRenamed', 'MemberLeft',
        'PersonRegistered', 'PersonRegistered', 'PersonRegistered', 'PersonForgotten', ...Array<string>(4).fill('VillageRegistered')].sort(),
    );
    const paged = await all(AUDIT_LOG, { filter: province }, 3);
    expect(paged.map((e) => e.eventId)).toEqual(whole.map((e) => e.eventId));
    // An event appended between two pages comes after the cursor: no page shifts, nothing repeats.
    const firstPage = await page(AUDIT_LOG, { filter: province, first: 3 });
    await api.ok('renameTeam', { teamId, name: 'Tổ CNSCĐ giữa chừng', effectiveDate: d('05-01') });
    await untilLogVisible(world.runtime);
    await waitForProjections(world.runtime, ['audit_index_v1'], 60_000);
    const rest = await all(AUDIT_LOG, { filter: province, after: firstPage.pageInfo.endCursor }, 3);
    const resumed = [...firstPage.edges.map((e) => e.node), ...rest].map((e) => e.eventId);
    expect(resumed.slice(0, whole.length)).toEqual(whole.map((e) => e.eventId));
    expect(resumed).toHaveLength(whole.length + 1);
    expect(rest.at(-1)?.type).toBe('TeamRenamed');
    expect([...paged.map((e) => e.position)].sort()).toEqual(paged.map((e) => e.position));
    expect((await page(AUDIT_LOG, { filter: province, first: 3 })).totalCount).toBe(whole.length + 1);
    expect(await all(AUDIT_LOG, { filter: { ...province, actorClientId: 'someone-else' } }, 100)).toEqual([]);
    expect(await all(AUDIT_LOG, { filter: { ...province, recordedTo: started } }, 100)).toEqual([]);
    expect(await all(AUDIT_LOG, { filter: { ...province, effectiveFrom: `${world.year}-02-20T00:00:00Z`, eventTypes: ['TeamRenamed', 'MemberLeft'] } }, 100)).toHaveLength(3);
  });

  it("scopes a portal to its provinces' streams in SQL: another province's look unknown", async () => {
    const reader = new AuditLogReader(world.runtime.dataSource, world.runtime.storedEvents);
    const portal = (provinceCodes: string[]) => ProvinceScope.of({ clientId: 'portal', role: 'PORTAL', provinceCodes });
    const filter = { recordedFrom: started };
    const own = await reader.page(filter, portal([world.province]), 100, null);
    const all = await reader.page(filter, ProvinceScope.UNRESTRICTED, 100, null);
    expect(own.totalCount).toBe(16);
    expect(all.totalCount).toBeGreaterThanOrEqual(own.totalCount);
    expect(await reader.page(filter, portal(['01']), 100, null)).toEqual({ events: [], totalCount: 0 });
    const stream = `team-${local(teamId)}`;
    expect(await reader.streamVisible(stream, portal([world.province]))).toBe(true);
    expect(await reader.streamVisible(stream, portal(['01']))).toBe(false);
    expect(await reader.streamVisible('team-0190aaaa-0000-7000-8000-000000000000', portal(['01']))).toBe(false);
  });

  it("exports a province's streams only, which verify-chain accepts offline", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cdtt-province-'));
    const io = { stdout: new PassThrough(), progress: { isTTY: false, write: () => true } };
    try {
      const file = join(folder, 'province.ndjson');
      expect(await runExportEvents(world.runtime, ['--out', file, '--province', world.province], () => undefined, io)).toBe(0);
      const streams = new Set((await readFile(file, 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { streamName: string }).streamName));
      expect(streams.has(`team-${local(teamId)}`)).toBe(true);
      expect(streams.has(`person-${local(leader)}`)).toBe(true);
      const reader = new AuditLogReader(world.runtime.dataSource, world.runtime.storedEvents);
      const hidden = ProvinceScope.of({ clientId: 'portal', role: 'PORTAL', provinceCodes: ['01'] });
      for (const stream of streams) expect(await reader.streamVisible(stream, hidden)).toBe(false);
      expect(await runVerifyChain(null, ['--from', file], () => undefined, io)).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
