import { toGlobalId } from '@cdtt/platform';
import { TeamsClient } from './support/teams-e2e.client';
import { STATISTICS_FIELDS, TEAM_FIELDS, type TeamShape } from './support/teams-e2e.queries';
import { TeamsE2eWorld } from './support/teams-e2e-world';

/**
 * Teams over real HTTP: establishment, roster changes, every rule's error code, statistics at
 * commune, province and national level. Dates are in the world's own year Y (see the world).
 */
describe('teams API over HTTP', () => {
  const world = new TeamsE2eWorld();
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  let v: string[][];
  let c: string[];
  const teams: Record<string, string> = {};
  const people: Record<string, string> = {};
  const team = async (id: string): Promise<TeamShape> =>
    (await world.gql(`query($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`, { id })).data?.team as TeamShape;
  const join = async (teamId: string, who: string | Record<string, unknown>, role: string, date: string) => {
    const person = typeof who === 'string' ? { personId: who } : { person: who };
    return (await api.ok('addTeamMember', { teamId, ...person, role, effectiveDate: date })).personId!;
  };

  beforeAll(async () => {
    v = await world.open(3, 3);
    c = world.communes;
  }, 120_000);
  afterAll(() => world.close());

  it('establishes teams by decision, with villages, version and province', async () => {
    const payload = await api.ok('establishTeam', api.establishInput(c[0]!, [v[0]![0]!, v[0]![1]!], 'VILLAGE', d('02-01')));
    expect(payload).toMatchObject({ version: 0, team: { status: 'ACTIVE', provinceCode: '99', version: 0, members: [], hasYouthUnionMember: false } });
    expect(payload.team!.villages.map((x) => x.id).sort()).toEqual([v[0]![0], v[0]![1]].sort());
    teams.t1 = payload.team!.id;
    teams.t2 = (await api.ok('establishTeam', api.establishInput(c[1]!, v[1]!, 'COMMUNE', d('03-01')))).team!.id;
    teams.t3 = (await api.ok('establishTeam', api.establishInput(c[2]!, [v[2]![0]!], 'VILLAGE', d('03-01')))).team!.id;
    teams.t4 = (await api.ok('establishTeam', api.establishInput(c[2]!, [], 'COMMUNE', d('02-01')))).team!.id;
  });

  it('refuses establishments that break rules 1 and 2, with their codes', async () => {
    const base = api.establishInput(c[0]!, [v[0]![2]!], 'VILLAGE', d('04-01'));
    expect(await api.refused('establishTeam', { ...base, decision: api.decision(c[1]!, d('04-01')) })).toBe('DECISION_ISSUER_MISMATCH');
    const nextYear = `${world.year + 1}-03-01`;
    expect(await api.refused('establishTeam', { ...base, decision: api.decision(c[0]!, nextYear), effectiveDate: nextYear })).toBe('ISSUER_NOT_IN_FORCE');
    expect(await api.refused('establishTeam', { ...base, effectiveDate: d('03-31') })).toBe('EFFECTIVE_BEFORE_DECISION');
    expect(await api.refused('establishTeam', { ...base, villageIds: [v[0]![0]!] })).toBe('VILLAGE_ALREADY_SERVED');
    expect(await api.refused('establishTeam', { ...base, villageIds: [v[1]![0]!] })).toBe('VILLAGE_OUTSIDE_COMMUNE');
    expect(await api.refused('establishTeam', { ...base, villageIds: [toGlobalId('Village', '0190aaaa-0000-7000-8000-000000000000')] })).toBe('VILLAGE_NOT_FOUND');
    expect(await api.refused('establishTeam', { ...base, villageIds: [] })).toBe('VILLAGE_REQUIRED');
    const unknown = api.establishInput('00000', [], 'COMMUNE', d('04-01'));
    expect(await api.refused('establishTeam', unknown)).toBe('ISSUER_NOT_IN_FORCE');
  });

  it('keeps a roster: first member leads, deputies bounded, dated changes, one leader', async () => {
    expect(await api.refused('addTeamMember', { teamId: teams.t3, person: api.person('Lý Văn Sớm'), role: 'MEMBER', effectiveDate: d('03-01') })).toBe('FIRST_MEMBER_MUST_BE_LEADER');
    people.l1 = await join(teams.t1!, api.person('Nguyễn Thị Lan', d('01-01')), 'LEADER', d('02-01'));
    people.m1 = await join(teams.t1!, api.person('Trần Văn Minh'), 'MEMBER', d('02-10'));
    people.d1 = await join(teams.t1!, api.person('Lê Văn Dũng'), 'DEPUTY', d('02-10'));
    people.d2 = await join(teams.t1!, api.person('Phạm Thị Duyên', d('01-01')), 'DEPUTY', d('02-10'));
    expect(await api.refused('addTeamMember', { teamId: teams.t1, person: api.person('Vũ Văn Ba'), role: 'DEPUTY', effectiveDate: d('02-10') })).toBe('TOO_MANY_DEPUTIES');
    expect(await api.refused('addTeamMember', { teamId: teams.t1, personId: people.l1, role: 'MEMBER', effectiveDate: d('02-10') })).toBe('MEMBER_ALREADY_ON_TEAM');
    expect(await api.refused('addTeamMember', { teamId: teams.t1, person: api.person('Đỗ Văn Sớm'), role: 'MEMBER', effectiveDate: d('01-15') })).toBe('EFFECTIVE_BEFORE_ESTABLISHMENT');
    expect(await api.refused('removeTeamMember', { teamId: teams.t1, personId: people.l1, effectiveDate: d('03-01') })).toBe('LEADER_REQUIRED');
    expect(await api.refused('changeTeamMemberRole', { teamId: teams.t1, personId: people.m1, role: 'MEMBER', effectiveDate: d('03-01') })).toBe('ROLE_UNCHANGED');
    expect(await api.refused('changeTeamMemberRole', { teamId: teams.t1, personId: people.m1, role: 'DEPUTY', effectiveDate: d('02-09') })).toBe('EFFECTIVE_BEFORE_MEMBER_CHANGE');

    const handed = await api.ok('changeTeamMemberRole', { teamId: teams.t1, personId: people.d1, role: 'LEADER', effectiveDate: d('04-01'), decisionRef: '12/QĐ-UBND' });
    const roles = Object.fromEntries(handed.team!.members.map((m) => [m.fullName, m.role]));
    expect(roles).toEqual({ 'Lê Văn Dũng': 'LEADER', 'Phạm Thị Duyên': 'DEPUTY', 'Nguyễn Thị Lan': 'MEMBER', 'Trần Văn Minh': 'MEMBER' });
    expect(handed.team!.members[0]).toMatchObject({ role: 'LEADER', phone: '0912345678', since: d('04-01') });
    expect(handed.team!.hasYouthUnionMember).toBe(true);

    people.l2 = await join(teams.t2!, api.person('Hoàng Văn Long'), 'LEADER', d('03-01'));
    expect((await team(teams.t2!)).hasYouthUnionMember).toBe(false);
    await join(teams.t2!, people.l1, 'MEMBER', d('03-05'));
    expect((await team(teams.t2!)).hasYouthUnionMember).toBe(true);
    people.l3 = await join(teams.t3!, api.person('Bùi Văn Lực'), 'LEADER', d('03-01'));
    people.l4 = await join(teams.t4!, api.person('Đặng Văn Bốn'), 'LEADER', d('02-01'));
    expect((await api.ok('removeTeamMember', { teamId: teams.t4, personId: people.l4, effectiveDate: d('03-01') })).team!.members).toEqual([]);
  });

  it('renames, changes coverage, re-issues, dissolves; a dissolved team no longer changes', async () => {
    const covered = await api.ok('changeTeamCoverage', { teamId: teams.t1, villageIds: v[0], effectiveDate: d('05-01') });
    expect(covered.team!.villages).toHaveLength(3);
    expect((await api.ok('renameTeam', { teamId: teams.t1, name: 'Tổ CNSCĐ liên thôn', effectiveDate: d('05-01') })).team!.name).toBe('Tổ CNSCĐ liên thôn');
    const reissued = await api.ok('reissueTeamDecision', { teamId: teams.t2, decision: api.decision(c[1]!, d('05-01'), '77/QĐ-UBND'), effectiveDate: d('05-02') });
    expect(reissued.team).toMatchObject({ decision: { number: '77/QĐ-UBND', date: d('05-01') } });
    expect((await api.ok('dissolveTeam', { teamId: teams.t4, effectiveDate: d('04-01') })).team).toMatchObject({ status: 'DISSOLVED', dissolvedOn: d('04-01') });
    expect(await api.refused('renameTeam', { teamId: teams.t4, name: 'Tổ mới', effectiveDate: d('05-01') })).toBe('TEAM_DISSOLVED');
    expect(await api.refused('renameTeam', { teamId: toGlobalId('Team', '0190aaaa-0000-7000-8000-000000000000'), name: 'X', effectiveDate: d('05-01') })).toBe('TEAM_NOT_FOUND');
  });

  it('reports a stale expectedVersion as VERSION_CONFLICT and writes nothing', async () => {
    const before = await team(teams.t3!);
    const payload = await api.run('renameTeam', { teamId: teams.t3, name: 'Tổ cũ', effectiveDate: d('05-01'), expectedVersion: before.version - 1 });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'VERSION_CONFLICT', field: ['input', 'expectedVersion'] })]);
    expect(await team(teams.t3!)).toEqual(before);
    const ok = await api.ok('renameTeam', { teamId: teams.t3, name: before.name + ' 2', effectiveDate: d('05-01'), expectedVersion: before.version });
    expect(ok.version).toBe(before.version + 1);
  });

  const statistics = async (code: string, level: string, asOf: string) =>
    (await world.gql(`query($code: String!, $level: StatisticsLevel!, $asOf: String) { unitStatistics(code: $code, level: $level, asOf: $asOf) { ${STATISTICS_FIELDS} } }`, { code, level, asOf })).data?.unitStatistics;

  // Counted by hand from the steps above, as of Y-06-01: T1 (c0: 3 villages, 4 members: L1, M1,
  // D1 leader, D2; Youth Union L1, D2), T2 (c1: 3 villages; L2 leader, L1), T3 (c2: 1 of 3
  // villages; L3, no Youth Union member); T4 dissolved. Persons: L1 M1 D1 D2 L2 L3.
  const june = { activeTeams: 3, villages: 9, villagesCovered: 7, communesAtFullCoverage: 2, members: 6, leaders: 3, youthUnionMembers: 2, teamsWithoutYouthUnionMember: 1 };

  it('gives statistics at commune, province and national level, and per child unit', async () => {
    const asOf = d('06-01');
    expect(await statistics(world.province, 'PROVINCE', asOf)).toMatchObject({ ...june, name: 'E2E 99', coverageRatio: expect.closeTo(7 / 9, 9) as number, youthUnionShare: expect.closeTo(1 / 3, 9) as number });
    expect(await statistics('VN', 'NATIONAL', asOf)).toMatchObject(june);
    expect(await statistics(c[0]!, 'COMMUNE', asOf)).toMatchObject({ activeTeams: 1, villages: 3, villagesCovered: 3, communesAtFullCoverage: 1, members: 4, leaders: 1, youthUnionMembers: 2, youthUnionShare: 0.5 });
    expect(await statistics(c[2]!, 'COMMUNE', asOf)).toMatchObject({ activeTeams: 1, villagesCovered: 1, members: 1, youthUnionMembers: 0, teamsWithoutYouthUnionMember: 1 });
    // Before the hand-over and the coverage change: T4 (with L4) still active, c0 not fully covered.
    expect(await statistics(world.province, 'PROVINCE', d('02-15'))).toMatchObject({ activeTeams: 2, villagesCovered: 2, members: 5, leaders: 2 });
    const children = await world.gql(`{ childStatistics(code: "99", level: PROVINCE, asOf: "${asOf}", first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { code activeTeams } } }`);
    expect(children.data?.childStatistics).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const provinces = await world.gql(`{ childStatistics(code: "VN", level: NATIONAL, asOf: "${asOf}", first: 100) { nodes { code members } } }`);
    expect((provinces.data?.childStatistics as { nodes: Array<{ code: string; members: number }> }).nodes).toContainEqual({ code: '99', members: 6 });
    expect(await statistics('00', 'PROVINCE', asOf)).toBeNull();
  });

  it('forgets a person: [erased] on reads, statistics unchanged; admins only', async () => {
    const before = await statistics(world.province, 'PROVINCE', d('06-01'));
    expect(await api.ok('forgetPerson', { personId: people.m1 })).toMatchObject({ personId: people.m1, userErrors: [] });
    const members = (await team(teams.t1!)).members;
    expect(members.find((m) => m.personId === people.m1)).toMatchObject({ fullName: '[erased]', phone: '[erased]', role: 'MEMBER' });
    expect(await statistics(world.province, 'PROVINCE', d('06-01'))).toEqual(before);
    expect((await api.run('forgetPerson', { personId: people.m1 })).userErrors[0]?.code).toBe('PERSON_FORGOTTEN');
  });

  it('lists teams by filter and order, and serves them as Nodes', async () => {
    const query = `query($f: TeamFilter) { teams(filter: $f, first: 1, orderBy: { field: ESTABLISHED_ON, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const page = (await world.gql(query, { f: { communeCode: c[2] } })).data?.teams as { totalCount: number; nodes: Array<{ id: string }> };
    expect(page).toMatchObject({ totalCount: 2, nodes: [{ id: teams.t4 }] });
    const flagged = (await world.gql(query, { f: { communeCode: c[2], hasYouthUnionMember: false, status: 'ACTIVE' } })).data?.teams;
    expect(flagged).toMatchObject({ totalCount: 1, nodes: [{ id: teams.t3 }] });
    const node = await world.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Team { name } } }`, { id: teams.t1 });
    expect(node.data?.node).toMatchObject({ __typename: 'Team', id: teams.t1, name: 'Tổ CNSCĐ liên thôn' });
  });
});
