import { fromGlobalId, ProjectionWaiter, toGlobalId } from '@cdtt/platform';
import { TeamsClient } from './support/teams-e2e.client';
import { STATISTICS_FIELDS, TEAM_FIELDS, type TeamShape } from './support/teams-e2e.queries';
import { TeamsE2eWorld } from './support/teams-e2e-world';

interface Payload {
  userErrors: Array<{ code: string; field: string[] | null }>;
}
interface VillagesPayload extends Payload {
  villages: Array<{ id: string; name: string; communeCode: string; status: string }>;
}
interface TeamPayload extends Payload {
  team: TeamShape | null;
  partIds?: string[] | null;
}

const VILLAGES = `villages { id name communeCode status } userErrors { code field }`;
const MUTATIONS = {
  mergeVillages: `mutation($input: MergeVillagesInput!) { mergeVillages(input: $input) { ${VILLAGES} } }`,
  splitVillage: `mutation($input: SplitVillageInput!) { splitVillage(input: $input) { ${VILLAGES} } }`,
  moveVillage: `mutation($input: MoveVillageInput!) { moveVillage(input: $input) { ${VILLAGES} } }`,
  mergeTeams: `mutation($input: MergeTeamsInput!) { mergeTeams(input: $input) { team { ${TEAM_FIELDS} } userErrors { code field } } }`,
  splitTeam: `mutation($input: SplitTeamInput!) { splitTeam(input: $input) { partIds team { ${TEAM_FIELDS} } userErrors { code field } } }`,
} as const;

/**
 * The 2026 village rearrangement over HTTP: villages merged, split and moved, and their teams
 * following by decision (TeamsMerged, TeamSplit), with every rule's error code. Dates in year Y.
 */
// Several HTTP round trips and projection waits per test: the default 5 s is short on a busy machine.
jest.setTimeout(60_000);

describe('village rearrangement and the teams that follow, over HTTP', () => {
  const world = new TeamsE2eWorld([1981, 1990]);
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  let v: string[][];
  let c: string[];
  const t: Record<string, string> = {};
  const p: Record<string, string> = {};
  let merged = '';
  let parts: string[] = [];

  const call = async <T extends Payload>(name: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<T> => {
    const response = await world.gql(MUTATIONS[name], { input });
    if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
    return response.data?.[name] as T;
  };
  const refused = async (name: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<string | undefined> =>
    (await call(name, input)).userErrors[0]?.code;
  const team = async (id: string): Promise<TeamShape> => (await world.gql(`query($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`, { id })).data?.team as TeamShape;
  const join = async (teamId: string, name: string, role: string) =>
    (await api.ok('addTeamMember', { teamId, person: api.person(name, role === 'LEADER' ? d('01-01') : null), role, effectiveDate: d('02-01') })).personId!;
  const stats = async (code: string, asOf: string) =>
    (await world.gql(`{ unitStatistics(code: "${code}", level: COMMUNE, asOf: "${asOf}") { ${STATISTICS_FIELDS} } }`)).data?.unitStatistics as Record<string, number>;

  /**
   * The world waits on the store's gap-safe head, which stays below any transaction still open in
   * the cluster (other suites): wait for the last committed event instead, before the first command.
   */
  const caughtUp = async (): Promise<void> => {
    const ds = world.runtime.dataSource;
    const [head] = await ds.query<Array<{ p: string }>>(
      `SELECT lpad(tx_id::text, 20, '0') || '-' || lpad(global_position::text, 19, '0') AS p FROM event_store.events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    );
    if (head && !(await new ProjectionWaiter(ds, 50).waitFor(['teams_v1', 'villages_v1', 'admin_units_v1'], head.p, 60_000))) throw new Error('projections did not catch up');
  };

  /** Rows of a village in the teams and field-work contexts' own copies. */
  const copiesOf = async (globalId: string): Promise<{ teams: number; fieldwork: number }> => {
    const id = fromGlobalId(globalId)?.localId ?? '';
    const [row] = await world.runtime.dataSource.query<Array<{ teams: number; fieldwork: number }>>(
      `SELECT (SELECT count(*)::int FROM team_villages_v1 WHERE village_id = $1) AS teams, (SELECT count(*)::int FROM fw_villages_v1 WHERE village_id = $1) AS fieldwork`,
      [id],
    );
    return row!;
  };

  beforeAll(async () => {
    v = await world.open(2, 3);
    c = world.communes;
    await caughtUp();
    t.a = (await api.ok('establishTeam', api.establishInput(c[0]!, [v[0]![0]!], 'VILLAGE', d('02-01')))).team!.id;
    t.b = (await api.ok('establishTeam', api.establishInput(c[0]!, [v[0]![1]!], 'VILLAGE', d('02-01')))).team!.id;
    t.c = (await api.ok('establishTeam', api.establishInput(c[0]!, [v[0]![2]!], 'VILLAGE', d('02-01')))).team!.id;
    p.la = await join(t.a, 'Nguyễn Thị An', 'LEADER');
    p.ma = await join(t.a, 'Trần Văn Ánh', 'MEMBER');
    p.lb = await join(t.b, 'Lê Văn Bình', 'LEADER');
    p.db = await join(t.b, 'Phạm Thị Bích', 'DEPUTY');
    p.lc = await join(t.c, 'Hoàng Văn Cường', 'LEADER');
    p.m1 = await join(t.c, 'Vũ Thị Chi', 'MEMBER');
    p.m2 = await join(t.c, 'Đặng Văn Công', 'MEMBER');
  }, 180_000);
  afterAll(() => world.close());

  it('merges two villages of a commune, with the codes of what it refuses', async () => {
    const base = { villageIds: [v[0]![0], v[0]![1]], into: { name: 'Thôn Hợp Nhất', kind: 'THON' }, mergedOn: d('06-01'), decisionRef: '31/QĐ-UBND' };
    expect(await refused('mergeVillages', { ...base, villageIds: [v[0]![0]] })).toBe('VILLAGE_MERGE_NEEDS_TWO');
    expect(await refused('mergeVillages', { ...base, villageIds: [v[0]![0], v[0]![0]] })).toBe('VILLAGE_LISTED_TWICE');
    expect(await refused('mergeVillages', { ...base, villageIds: [v[0]![0], v[1]![0]] })).toBe('VILLAGES_IN_DIFFERENT_COMMUNES');
    expect(await refused('mergeVillages', { ...base, villageIds: [v[0]![0], toGlobalId('Village', '0190aaaa-0000-7000-8000-000000000000')] })).toBe('VILLAGE_NOT_FOUND');
    expect(await refused('mergeVillages', { ...base, mergedOn: `${world.year + 1}-02-01` })).toBe('COMMUNE_NOT_IN_FORCE');
    const ok = await call<VillagesPayload>('mergeVillages', base);
    expect(ok.userErrors).toEqual([]);
    expect(ok.villages).toMatchObject([{ name: 'Thôn Hợp Nhất', communeCode: c[0], status: 'ACTIVE' }]);
    merged = ok.villages[0]!.id;
    // Answered once every copy of the village has it (read-your-writes across contexts): the team
    // commands that follow decide on the teams context's copy, field days on field work's.
    expect(await copiesOf(merged)).toEqual({ teams: 1, fieldwork: 1 });
    expect(await refused('mergeVillages', base)).toBe('VILLAGE_RETIRED');
  });

  it('merges the teams of the merged villages by decision: members united, one leader, the other team ended', async () => {
    const base = { teamId: t.a, absorbedTeamIds: [t.b], leaderPersonId: p.lb, villageIds: [merged], decision: api.decision(c[0]!, d('06-01'), '32/QĐ-UBND'), effectiveDate: d('06-01') };
    expect(await refused('mergeTeams', { ...base, absorbedTeamIds: [] })).toBe('TEAM_MERGE_NEEDS_TWO_TEAMS');
    expect(await refused('mergeTeams', { ...base, absorbedTeamIds: [t.a] })).toBe('TEAM_LISTED_TWICE');
    expect(await refused('mergeTeams', { ...base, leaderPersonId: p.lc })).toBe('LEADER_NOT_A_MEMBER');
    expect(await refused('mergeTeams', { ...base, villageIds: [v[0]![0]] })).toBe('VILLAGE_NOT_ACTIVE');
    expect(await refused('mergeTeams', { ...base, decision: api.decision(c[1]!, d('06-01')) })).toBe('DECISION_ISSUER_MISMATCH');
    expect(await refused('mergeTeams', { ...base, effectiveDate: d('01-15'), decision: api.decision(c[0]!, d('01-15')) })).toBe('EFFECTIVE_BEFORE_ESTABLISHMENT');
    const ok = await call<TeamPayload>('mergeTeams', base);
    expect(ok.userErrors).toEqual([]);
    const roles = Object.fromEntries(ok.team!.members.map((m) => [m.personId, m.role]));
    expect(roles).toEqual({ [p.lb!]: 'LEADER', [p.db!]: 'DEPUTY', [p.la!]: 'MEMBER', [p.ma!]: 'MEMBER' });
    expect(ok.team!.villages.map((x) => x.id)).toEqual([merged]);
    expect(await team(t.b!)).toMatchObject({ status: 'DISSOLVED', dissolvedOn: d('06-01'), members: [] });
    expect(await stats(c[0]!, d('05-15'))).toMatchObject({ activeTeams: 3, members: 7, leaders: 3 });
    expect(await stats(c[0]!, d('06-15'))).toMatchObject({ activeTeams: 2, members: 7, leaders: 2 });
  });

  it('splits a village, with the codes of what it refuses', async () => {
    const base = { villageId: v[0]![2], parts: [{ name: 'Thôn Đông', kind: 'THON' }, { name: 'Thôn Tây', kind: 'THON' }], splitOn: d('07-01'), decisionRef: '40/QĐ-UBND' };
    expect(await refused('splitVillage', { ...base, parts: [{ name: 'Thôn Đông', kind: 'THON' }] })).toBe('VILLAGE_SPLIT_NEEDS_TWO_PARTS');
    expect(await refused('splitVillage', { ...base, parts: [{ name: 'Thôn Đông', kind: 'THON' }, { name: 'Thôn Đông', kind: 'THON' }] })).toBe('VILLAGE_NAME_TAKEN');
    expect(await refused('splitVillage', { ...base, villageId: v[0]![0] })).toBe('VILLAGE_RETIRED');
    const ok = await call<VillagesPayload>('splitVillage', base);
    expect(ok.userErrors).toEqual([]);
    parts = ok.villages.map((x) => x.id);
    expect(ok.villages.map((x) => x.name).sort()).toEqual(['Thôn Tây', 'Thôn Đông'].sort());
  });

  it('splits the team of the split village by decision: members allocated, each part led, the team ended', async () => {
    const [east, west] = parts as [string, string];
    const part = (name: string, villageIds: string[], leaderPersonId: string, memberPersonIds: string[]) => ({ name, villageIds, leaderPersonId, memberPersonIds });
    const base = {
      teamId: t.c,
      parts: [part('Tổ Đông', [east], p.lc!, [p.lc!, p.m1!]), part('Tổ Tây', [west], p.m2!, [p.m2!])],
      decision: api.decision(c[0]!, d('07-01'), '41/QĐ-UBND'),
      effectiveDate: d('07-01'),
    };
    expect(await refused('splitTeam', { ...base, parts: [base.parts[0]] })).toBe('TEAM_SPLIT_NEEDS_TWO_PARTS');
    expect(await refused('splitTeam', { ...base, parts: [part('Tổ Đông', [east], p.lc!, [p.lc!]), base.parts[1]] })).toBe('MEMBER_NOT_ALLOCATED');
    expect(await refused('splitTeam', { ...base, parts: [base.parts[0], part('Tổ Tây', [west], p.m2!, [p.m2!, p.m1!])] })).toBe('MEMBER_ALLOCATED_TWICE');
    expect(await refused('splitTeam', { ...base, parts: [base.parts[0], part('Tổ Tây', [west], p.lc!, [p.m2!])] })).toBe('PART_LEADER_REQUIRED');
    expect(await refused('splitTeam', { ...base, parts: [base.parts[0], part('Tổ Tây', [east], p.m2!, [p.m2!])] })).toBe('DUPLICATE_VILLAGE');
    expect(await refused('splitTeam', { ...base, parts: [base.parts[0], part('Tổ Tây', [v[0]![2]!], p.m2!, [p.m2!])] })).toBe('VILLAGE_NOT_ACTIVE');
    const ok = await call<TeamPayload>('splitTeam', base);
    expect(ok.userErrors).toEqual([]);
    expect(ok.team).toMatchObject({ status: 'DISSOLVED', dissolvedOn: d('07-01') });
    const [first, second] = await Promise.all((ok.partIds ?? []).map((id) => team(id)));
    expect(first!.members.map((m) => [m.personId, m.role])).toEqual([[p.lc, 'LEADER'], [p.m1, 'MEMBER']]);
    expect(second!.members.map((m) => [m.personId, m.role])).toEqual([[p.m2, 'LEADER']]);
    expect((first as TeamShape & { decision: { number: string } }).decision.number).toBe('41/QĐ-UBND');
    expect(await stats(c[0]!, d('07-15'))).toMatchObject({ activeTeams: 3, members: 7, leaders: 3, villages: 3, villagesCovered: 3 });
    expect(await refused('splitTeam', base)).toBe('TEAM_DISSOLVED');
  });

  it('moves a village to another commune', async () => {
    const base = { villageId: v[1]![0], toCommuneCode: c[0], movedOn: d('08-01'), decisionRef: '50/QĐ-UBND' };
    expect(await refused('moveVillage', { ...base, toCommuneCode: c[1] })).toBe('VILLAGE_ALREADY_IN_COMMUNE');
    expect(await refused('moveVillage', { ...base, toCommuneCode: '00000' })).toBe('COMMUNE_NOT_IN_FORCE');
    const ok = await call<VillagesPayload>('moveVillage', base);
    expect(ok.userErrors).toEqual([]);
    expect(ok.villages).toMatchObject([{ communeCode: c[0] }]);
    expect((await stats(c[0]!, d('08-15'))).villages).toBe(4);
  });
});
