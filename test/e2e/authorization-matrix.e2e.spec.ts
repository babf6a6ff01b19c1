import { uuidv7 } from '@cdtt/event-sourcing';
import { GeographyReadService } from '@cdtt/geography';
import { fromGlobalId, ProvinceScope, toGlobalId } from '@cdtt/platform';
import { TeamReadService } from '@cdtt/teams';
import { expectedOutcome, PEOPLE_WRITES, READS, WRITES, type Operation, type Target } from './support/authorization-operations';
import { ALL_MUTATIONS, AuthorizationWorld, type Role } from './support/authorization-world';

jest.setTimeout(120_000);

const ROLES: readonly Role[] = ['ADMIN', 'AUDITOR', 'PORTAL_A', 'PORTAL_B'];

/** Every row of the matrix: role × operation × target, with the outcome the rules give. */
const OPERATIONS: readonly Operation[] = [...READS, ...WRITES, ...PEOPLE_WRITES];

const ROWS = ROLES.flatMap((role) =>
  OPERATIONS.flatMap((op: Operation) =>
    op.targets.map((target: Target) => ({ role, op, target, expected: expectedOutcome(role, op, target) })),
  ),
);

/**
 * Authorisation in the data path, over real HTTP with real tokens: what each role sees and may
 * change in its own province, in another, and for an object that does not exist. A portal must
 * not be able to tell another province's object from an unknown one.
 */
describe('authorization matrix', () => {
  const world = new AuthorizationWorld();

  beforeAll(async () => {
    await world.open();
  }, 180_000);
  afterAll(async () => {
    await world.close();
  });

  it('has a row for every role, operation and target', () => {
    expect(ROWS).toHaveLength(ROLES.length * OPERATIONS.reduce((n, op) => n + op.targets.length, 0));
  });

  it.each(ROWS.map((row) => [`${row.role} ${row.op.name} on ${row.target} → ${row.expected}`, row] as const))('%s', async (_name, row) => {
    expect(await row.op.run(world, row.role, row.target, row.expected)).toBe(row.expected);
  });

  it("restricts a portal's unfiltered teams to its provinces", async () => {
    const all = await world.gql('PORTAL_A', '{ teams(first: 100) { totalCount nodes { provinceCode } } }');
    const own = await world.gql('PORTAL_A', 'query($p: String) { teams(filter: { provinceCode: $p }, first: 1) { totalCount } }', { p: world.codes.A });
    const teams = (all.body.data as { teams: { totalCount: number; nodes: Array<{ provinceCode: string }> } }).teams;
    expect(teams.nodes.length).toBeGreaterThan(0);
    expect(new Set(teams.nodes.map((node) => node.provinceCode))).toEqual(new Set([world.codes.A]));
    expect(teams.totalCount).toBe((own.body.data as { teams: { totalCount: number } }).teams.totalCount);
  });

  it("answers VILLAGE_NOT_FOUND for another province's village in an own team's write, as for an unknown one", async () => {
    const own = await world.freshTeam('A');
    const coverage = async (villageId: string): Promise<unknown> => {
      const input = { teamId: own.team, villageIds: [villageId], effectiveDate: world.date('06-01') };
      const answer = await world.gql('PORTAL_A', ALL_MUTATIONS.changeTeamCoverage, { input });
      return (answer.body.data?.changeTeamCoverage as { userErrors: Array<{ code: string }> }).userErrors.map((e) => e.code);
    };
    // Without the scope it would be VILLAGE_OUTSIDE_COMMUNE: proof that the village exists.
    expect(await coverage(world.of('B').villages[1])).toEqual(['VILLAGE_NOT_FOUND']);
    expect(await coverage(toGlobalId('Village', uuidv7()))).toEqual(['VILLAGE_NOT_FOUND']);
    expect(await coverage(world.of('A').villages[1])).toEqual([]);
  });

  it('scopes the nested edges in the read services too, not only through their parent', async () => {
    const app = world.h.app;
    const teams = app.get(TeamReadService, { strict: false });
    const geography = app.get(GeographyReadService, { strict: false });
    const portalA = ProvinceScope.of({ clientId: 'matrix', role: 'PORTAL', provinceCodes: [world.codes.A] });
    const teamB = fromGlobalId(world.of('B').team)?.localId ?? '';
    const villageB = fromGlobalId(world.of('B').villages[0])?.localId ?? '';
    expect(await teams.currentMembers(teamB, ProvinceScope.UNRESTRICTED)).toHaveLength(2);
    expect(await teams.currentMembers(teamB, portalA)).toEqual([]);
    expect(await teams.currentVillages(teamB, ProvinceScope.UNRESTRICTED)).toHaveLength(1);
    expect(await teams.currentVillages(teamB, portalA)).toEqual([]);
    expect(await geography.findVillages([villageB], ProvinceScope.UNRESTRICTED)).toHaveLength(1);
    expect(await geography.findVillages([villageB], portalA)).toEqual([]);
  });
});
