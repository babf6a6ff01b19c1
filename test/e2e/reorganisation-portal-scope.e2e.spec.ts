import { ALL_MUTATIONS, ReorganisationAuthzWorld } from './support/reorganisation-authz';

jest.setTimeout(120_000);

const HISTORY = `query($id: ID!) { history(id: $id, first: 100) { totalCount nodes { type } } }`;
const MEMBERS = `query($id: ID!) { team(id: $id) { members { personId fullName } } }`;
const VILLAGES = `query($id: ID!) { team(id: $id) { villages { id name } } }`;
const TEAMS_OF = `query($p: String) { teams(filter: { provinceCode: $p }, first: 100) { nodes { id } } }`;
const ASSIGN = `mutation($input: AssignTeamToSuccessorCommuneInput!) { assignTeamToSuccessorCommune(input: $input) { team { id } userErrors { code field } } }`;

/**
 * Portal scope follows a team's current attachment (ADR 0012, amendment), over HTTP with real
 * tokens. Province A is "before the reform", B "after": a team re-attached from a
 * commune of A to one of B belongs to B's portal (the team, its members, their history) and no
 * longer to A's; a team held between successors in A and B is visible to both portals until one
 * of them chooses, and then only to the chosen commune's province.
 */
describe('portal scope after a reorganisation', () => {
  const world = new ReorganisationAuthzWorld();
  const d = (md: string): string => world.date(md);
  const ids = async (role: 'PORTAL_A' | 'PORTAL_B', query: string, variables: Record<string, unknown>): Promise<unknown> => (await world.gql(role, query, variables)).body.data;

  beforeAll(async () => {
    await world.open();
  }, 180_000);
  afterAll(async () => {
    await world.close();
  });

  it("moves a re-attached team, its members and their history to the new province's portal", async () => {
    const [oldCommune, newCommune] = [await world.commune('A'), await world.commune('B')];
    await world.settle();
    const team = await world.freshTeam('A', oldCommune, [], d('02-01'));
    expect((await world.teamAs('PORTAL_A', team.team))?.provinceCode).toBe(world.codes.A);
    expect(await world.teamAs('PORTAL_B', team.team)).toBeNull();

    await world.recordEdge(oldCommune, newCommune, 'FULL', d('06-01'));
    // The status can show before the re-attachment the process manager then issues: wait for both.
    const moved = await world.eventually(team.team, 'AWAITING_REDECISION', (seen) => seen.communeCode === newCommune);
    expect(moved).toMatchObject({ communeCode: newCommune, provinceCode: world.codes.B });

    // The new province's portal sees the team, lists it under its province, and sees its people and their history.
    expect(await world.teamAs('PORTAL_B', team.team)).toMatchObject({ provinceCode: world.codes.B });
    expect(JSON.stringify(await ids('PORTAL_B', TEAMS_OF, { p: world.codes.B }))).toContain(team.team);
    const members = (await ids('PORTAL_B', MEMBERS, { id: team.team })) as { team: { members: Array<{ personId: string; fullName: string }> } };
    expect(members.team.members).toEqual(expect.arrayContaining([{ personId: team.leader, fullName: 'Trần Văn Trưởng' }]));
    const teamHistory = (await ids('PORTAL_B', HISTORY, { id: team.team })) as { history: { nodes: Array<{ type: string }> } };
    expect(teamHistory.history.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(['TeamEstablished', 'MemberJoined', 'TeamReattached']));
    const personHistory = (await ids('PORTAL_B', HISTORY, { id: team.member })) as { history: { totalCount: number } };
    expect(personHistory.history.totalCount).toBeGreaterThan(0);
    // A person of the moved team is now the new province's: its portal may enlist them in another of its teams.
    const other = await world.freshTeam('B', newCommune, [], d('07-01'));
    expect(await world.errorCodes('PORTAL_B', ALL_MUTATIONS.addTeamMember, { teamId: other.team, personId: team.member, role: 'MEMBER', effectiveDate: d('07-03') })).toEqual([]);

    // ...and changes it: the new commune reissues its decision, a member joins.
    const decision = { number: '9/QĐ', date: d('07-01'), issuingCommuneCode: newCommune, signerName: 'Phạm Văn Mới', signerTitle: 'Chủ tịch' };
    expect(await world.errorCodes('PORTAL_B', ALL_MUTATIONS.reissueTeamDecision, { teamId: team.team, decision, effectiveDate: d('07-01') })).toEqual([]);
    const person = { fullName: 'Đỗ Thị Mới', phone: '0912345679', gender: 'FEMALE', youthUnionSince: null };
    expect(await world.errorCodes('PORTAL_B', ALL_MUTATIONS.addTeamMember, { teamId: team.team, person, role: 'MEMBER', effectiveDate: d('07-02') })).toEqual([]);
    await world.eventually(team.team, null);

    // The old province's portal (none exist after a real reform) no longer sees or changes it, as for an unknown team.
    expect(await world.teamAs('PORTAL_A', team.team)).toBeNull();
    expect(JSON.stringify(await ids('PORTAL_A', TEAMS_OF, { p: world.codes.A }))).not.toContain(team.team);
    expect(await world.errorCodes('PORTAL_A', ALL_MUTATIONS.renameTeam, { teamId: team.team, name: 'Tổ cũ', effectiveDate: d('08-01') })).toEqual(['TEAM_NOT_FOUND']);
  });

  it('shows a held team to every successor province until one chooses, then only to the chosen one', async () => {
    const [oldCommune, inA, inB] = [await world.commune('A'), await world.commune('A'), await world.commune('B')];
    await world.settle();
    const registered = await world.adminOk('registerVillage', { communeCode: oldCommune, name: `Thôn ${oldCommune}`, kind: 'THON', registeredOn: d('01-15') });
    const village = (registered as { village: { id: string } }).village.id;
    const team = await world.freshTeam('A', oldCommune, [village], d('02-01'));
    await world.recordEdge(oldCommune, inA, 'PARTIAL', d('06-01'));
    await world.recordEdge(oldCommune, inB, 'PARTIAL', d('06-01'));
    // The process manager may hold the team after the first edge already (one successor, in A);
    // only once it has the second is the team between two provinces, with no province of its own.
    await world.eventually(team.team, 'AWAITING_ASSIGNMENT', (seen) => seen.provinceCode === null);

    expect(await world.teamAs('PORTAL_A', team.team)).toMatchObject({ id: team.team, provinceCode: null });
    expect(await world.teamAs('PORTAL_B', team.team)).toMatchObject({ id: team.team, provinceCode: null });
    expect(JSON.stringify(await ids('PORTAL_B', TEAMS_OF, { p: world.codes.B }))).toContain(team.team);
    const members = (await ids('PORTAL_B', MEMBERS, { id: team.team })) as { team: { members: Array<{ personId: string }> } };
    expect(members.team.members.map((m) => m.personId)).toContain(team.leader);
    // Its villages are geography's, scoped by their own commune's province (A), read in the team's statement (ADR 0023).
    expect(await ids('PORTAL_A', VILLAGES, { id: team.team })).toEqual({ team: { villages: [{ id: village, name: `Thôn ${oldCommune}` }] } });
    expect(await ids('PORTAL_B', VILLAGES, { id: team.team })).toEqual({ team: { villages: [] } });

    expect(await world.errorCodes('PORTAL_B', ASSIGN, { teamId: team.team, communeCode: inB, decisionRef: 'CV 1/UBND' })).toEqual([]);
    await world.eventually(team.team, 'AWAITING_REDECISION', (seen) => seen.communeCode === inB);
    expect(await world.teamAs('PORTAL_B', team.team)).toMatchObject({ communeCode: inB, provinceCode: world.codes.B });
    expect(await world.teamAs('PORTAL_A', team.team)).toBeNull();
    expect(await world.errorCodes('PORTAL_A', ASSIGN, { teamId: team.team, communeCode: inA, decisionRef: 'CV 2/UBND' })).toEqual(['TEAM_NOT_FOUND']);
    expect(await ids('PORTAL_A', HISTORY, { id: team.team })).toMatchObject({ history: { totalCount: expect.any(Number) as unknown } });
  });
});
