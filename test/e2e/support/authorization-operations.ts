import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import type { GraphqlAnswer } from './security-harness';
import { ALL_MUTATIONS, type AnyMutation, type AuthorizationWorld, type Role, type Side } from './authorization-world';

/** What a caller sees: the object, the same as an unknown object, or a top-level FORBIDDEN. */
export type Outcome = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';
/** Whose object: province A's, province B's, one that does not exist, or the nation (statistics). */
export type Target = Side | 'unknown' | 'nation';
/** An outcome, or a description of an answer that is none of them (so a failing row says what it got). */
export type Observed = Outcome | `unexpected ${string}`;

export interface Operation {
  readonly name: string;
  readonly write: boolean;
  /** Only an admin may run it at all (forgetPerson). */
  readonly adminOnly?: boolean;
  /** Public reference data (admin units): every role reads every province. */
  readonly public?: boolean;
  readonly targets: readonly Target[];
  /** Runs the operation and classifies the answer; anything unexpected comes back as a description. */
  run(world: AuthorizationWorld, role: Role, target: Target, expected: Outcome): Promise<Observed>;
}

// Codes no unit ever had (real codes run 01..96 and 00001 up).
const UNKNOWN = { province: '00', commune: '00000' };
const SIDES: readonly Target[] = ['A', 'B', 'unknown'];

/** The answer's top-level code, if any (FORBIDDEN, NOT_FOUND...). */
const topCode = (answer: GraphqlAnswer): string | undefined => answer.body.errors?.[0]?.extensions.code as string | undefined;
const describe = (answer: GraphqlAnswer): Observed => `unexpected answer ${JSON.stringify(answer.body).slice(0, 400)}`;

/** A read: FORBIDDEN or NOT_FOUND at top level, else `seen` says whether the data shows the object. */
async function read(
  world: AuthorizationWorld,
  role: Role,
  query: string,
  variables: Record<string, unknown>,
  seen: (data: Record<string, unknown>) => boolean | null,
): Promise<Observed> {
  const answer = await world.gql(role, query, variables);
  const code = topCode(answer);
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
  if (code || !answer.body.data) return describe(answer);
  const verdict = seen(answer.body.data);
  return verdict === null ? describe(answer) : verdict ? 'ALLOWED' : 'NOT_FOUND';
}

const side = (world: AuthorizationWorld, target: Target) => (target === 'A' || target === 'B' ? world.of(target) : null);
const communeOf = (world: AuthorizationWorld, target: Target): string => side(world, target)?.commune ?? UNKNOWN.commune;
const provinceOf = (world: AuthorizationWorld, target: Target): string => side(world, target)?.province ?? UNKNOWN.province;
const teamOf = (world: AuthorizationWorld, target: Target): string => side(world, target)?.team ?? toGlobalId('Team', uuidv7());
const villageOf = (world: AuthorizationWorld, target: Target): string => side(world, target)?.villages[0] ?? toGlobalId('Village', uuidv7());

function readOp(name: string, query: string, vars: (w: AuthorizationWorld, t: Target) => Record<string, unknown>, seen: (data: Record<string, unknown>, w: AuthorizationWorld, t: Target) => boolean | null, extra: Partial<Operation> = {}): Operation {
  return { name, write: false, targets: SIDES, ...extra, run: (w, role, t) => read(w, role, query, vars(w, t), (data) => seen(data, w, t)) };
}

interface Listed { totalCount: number; nodes: Array<{ id: string }> }
/**
 * Newest first: the shared team is established last in the year (and uuidv7 ids grow), so it heads
 * the page even when a reused database holds the teams of earlier runs in the same provinces.
 */
const TEAMS_NEWEST_FIRST = `query($f: TeamFilter) {
  teams(filter: $f, first: 20, orderBy: { field: ESTABLISHED_ON, direction: DESC }) { totalCount nodes { id } }
}`;
const asOf = (w: AuthorizationWorld): string => w.date('06-01');

export const READS: readonly Operation[] = [
  readOp('team(id)', 'query($id: ID!) { team(id: $id) { id } }', (w, t) => ({ id: teamOf(w, t) }), (d) => d.team !== null),
  readOp('teams(filter: provinceCode)', TEAMS_NEWEST_FIRST, (w, t) => ({ f: { provinceCode: provinceOf(w, t) } }),
    (d, w, t) => (d.teams as Listed).nodes.some((n) => n.id === teamOf(w, t))),
  readOp('teams(filter: communeCode)', TEAMS_NEWEST_FIRST, (w, t) => ({ f: { communeCode: communeOf(w, t) } }),
    (d, w, t) => ((d.teams as Listed).totalCount === 0 ? false : (d.teams as Listed).nodes.some((n) => n.id === teamOf(w, t)) ? true : null)),
  readOp('node(Team)', 'query($id: ID!) { node(id: $id) { id } }', (w, t) => ({ id: teamOf(w, t) }), (d) => d.node !== null),
  readOp('node(Village)', 'query($id: ID!) { node(id: $id) { id ... on Village { communeCode } } }', (w, t) => ({ id: villageOf(w, t) }), (d) => d.node !== null),
  readOp('node(AdminUnit)', 'query($id: ID!) { node(id: $id) { id } }', (w, t) => ({ id: toGlobalId('AdminUnit', `COMMUNE:${communeOf(w, t)}:${w.date('01-01')}`) }), (d) => d.node !== null, { public: true }),
  readOp('villages(communeCode)', 'query($c: String!) { villages(communeCode: $c, first: 50) { totalCount nodes { id } } }', (w, t) => ({ c: communeOf(w, t) }),
    (d) => (d.villages as Listed).totalCount > 0),
  readOp('Team.members and Team.villages', 'query($id: ID!) { team(id: $id) { members { personId } villages { id } } }', (w, t) => ({ id: teamOf(w, t) }), (d) => {
    const team = d.team as { members: unknown[]; villages: unknown[] } | null;
    if (team === null) return false;
    return team.members.length === 2 && team.villages.length === 1 ? true : null;
  }),
  readOp('unitStatistics(PROVINCE)', 'query($c: String!, $d: String) { unitStatistics(level: PROVINCE, code: $c, asOf: $d) { code activeTeams } }',
    (w, t) => ({ c: provinceOf(w, t), d: asOf(w) }), (d) => d.unitStatistics !== null),
  readOp('unitStatistics(COMMUNE)', 'query($c: String!, $d: String) { unitStatistics(level: COMMUNE, code: $c, asOf: $d) { code activeTeams } }',
    (w, t) => ({ c: communeOf(w, t), d: asOf(w) }), (d) => d.unitStatistics !== null),
  readOp('childStatistics(PROVINCE)', 'query($c: String!, $d: String) { childStatistics(level: PROVINCE, code: $c, asOf: $d, first: 100) { nodes { code } } }',
    (w, t) => ({ c: provinceOf(w, t), d: asOf(w) }), (d, w, t) => (d.childStatistics as { nodes: Array<{ code: string }> }).nodes.some((n) => n.code === communeOf(w, t)) || null),
  readOp('unitStatistics(NATIONAL)', 'query($d: String) { unitStatistics(level: NATIONAL, code: "VN", asOf: $d) { code } }', (w) => ({ d: asOf(w) }), (d) => d.unitStatistics !== null, { targets: ['nation'] }),
  readOp('childStatistics(NATIONAL)', 'query($d: String) { childStatistics(level: NATIONAL, code: "VN", asOf: $d, first: 100) { nodes { code } } }', (w) => ({ d: asOf(w) }),
    (d) => (d.childStatistics as { nodes: unknown[] }).nodes.length > 0 || null, { targets: ['nation'] }),
];

/** A write: FORBIDDEN at top level, NOT_FOUND when the one userError is the op's not-found code, ALLOWED when none. */
function writeOp(
  name: AnyMutation,
  notFoundCode: string,
  input: (w: AuthorizationWorld, t: Target, expected: Outcome) => Promise<Record<string, unknown>> | Record<string, unknown>,
  extra: Partial<Operation> = {},
): Operation {
  return {
    name,
    write: true,
    targets: SIDES,
    ...extra,
    async run(w, role, t, expected) {
      const answer = await w.gql(role, ALL_MUTATIONS[name], { input: await input(w, t, expected) });
      if (topCode(answer) === 'FORBIDDEN') return 'FORBIDDEN';
      const payload = answer.body.data?.[name] as { userErrors: Array<{ code: string }> } | undefined;
      if (!payload || answer.body.errors) return describe(answer);
      if (payload.userErrors.length === 0) return 'ALLOWED';
      return payload.userErrors.length === 1 && payload.userErrors[0]?.code === notFoundCode ? 'NOT_FOUND' : describe(answer);
    },
  };
}

/** The team a write targets: a fresh one when it should succeed (rows stay independent), else the shared or an unknown one. */
async function teamFor(w: AuthorizationWorld, t: Target, expected: Outcome): Promise<{ team: string; member: string }> {
  if (expected === 'ALLOWED' && (t === 'A' || t === 'B')) return w.freshTeam(t);
  const data = side(w, t);
  return data ? { team: data.team, member: data.member } : { team: toGlobalId('Team', uuidv7()), member: toGlobalId('Person', uuidv7()) };
}

async function villageFor(w: AuthorizationWorld, t: Target, expected: Outcome): Promise<string> {
  return expected === 'ALLOWED' && (t === 'A' || t === 'B') ? w.freshVillage(t) : villageOf(w, t);
}

const decision = (commune: string, date: string) => ({ number: '2/QĐ', date, issuingCommuneCode: commune, signerName: 'Phạm Văn Ký', signerTitle: 'Chủ tịch' });

export const WRITES: readonly Operation[] = [
  writeOp('establishTeam', 'ISSUER_NOT_IN_FORCE', (w, t) => {
    const communeCode = communeOf(w, t);
    return { communeCode, villageIds: [], name: `Tổ ${uuidv7().slice(-8)}`, level: 'COMMUNE', decision: decision(communeCode, w.date('03-01')), effectiveDate: w.date('03-01') };
  }),
  writeOp('addTeamMember', 'TEAM_NOT_FOUND', async (w, t, e) => ({
    teamId: (await teamFor(w, t, e)).team,
    person: { fullName: 'Đỗ Văn Mới', phone: null, gender: 'MALE', youthUnionSince: null },
    role: 'MEMBER',
    effectiveDate: asOf(w),
  })),
  writeOp('changeTeamMemberRole', 'TEAM_NOT_FOUND', async (w, t, e) => {
    const { team, member } = await teamFor(w, t, e);
    return { teamId: team, personId: member, role: 'DEPUTY', effectiveDate: asOf(w) };
  }),
  writeOp('removeTeamMember', 'TEAM_NOT_FOUND', async (w, t, e) => {
    const { team, member } = await teamFor(w, t, e);
    return { teamId: team, personId: member, effectiveDate: asOf(w) };
  }),
  writeOp('renameTeam', 'TEAM_NOT_FOUND', async (w, t, e) => ({ teamId: (await teamFor(w, t, e)).team, name: `Tổ mới ${uuidv7().slice(-6)}`, effectiveDate: asOf(w) })),
  writeOp('changeTeamCoverage', 'TEAM_NOT_FOUND', async (w, t, e) => ({
    teamId: (await teamFor(w, t, e)).team,
    villageIds: [side(w, t)?.villages[1] ?? toGlobalId('Village', uuidv7())],
    effectiveDate: asOf(w),
  })),
  writeOp('reissueTeamDecision', 'TEAM_NOT_FOUND', async (w, t, e) => ({
    teamId: (await teamFor(w, t, e)).team,
    decision: decision(communeOf(w, t), asOf(w)),
    effectiveDate: asOf(w),
  })),
  writeOp('dissolveTeam', 'TEAM_NOT_FOUND', async (w, t, e) => ({ teamId: (await teamFor(w, t, e)).team, effectiveDate: asOf(w) })),
  writeOp('registerVillage', 'COMMUNE_NOT_IN_FORCE', (w, t) => ({
    communeCode: communeOf(w, t),
    name: `Thôn ${uuidv7().slice(-8)}`,
    kind: 'THON',
    registeredOn: w.date('03-01'),
  })),
  writeOp('renameVillage', 'VILLAGE_NOT_FOUND', async (w, t, e) => ({ villageId: await villageFor(w, t, e), name: `Thôn ${uuidv7().slice(-8)}`, renamedOn: asOf(w) })),
  writeOp('retireVillage', 'VILLAGE_NOT_FOUND', async (w, t, e) => ({ villageId: await villageFor(w, t, e), retiredOn: asOf(w), reason: 'sáp nhập' })),
  writeOp('forgetPerson', 'PERSON_NOT_FOUND', async (w, t, e) => ({ personId: (await teamFor(w, t, e)).member }), { adminOnly: true }),
];

/**
 * People have no province of their own: a portal sees and changes those who are or were members of
 * its provinces' teams. The target is whose person joins a team the caller may change (a fresh one
 * when the join should succeed); another province's person must read as an unknown one.
 */
const addExistingPerson: Operation = {
  name: 'addTeamMember(personId)',
  write: true,
  targets: SIDES,
  async run(w, role, t, expected) {
    const home = role === 'PORTAL_B' ? 'B' : 'A';
    const allowed = expected === 'ALLOWED' && (t === 'A' || t === 'B');
    // Fresh team and person when the join should succeed: the shared people must stay in their own
    // province's team only, or a later row would (rightly) find them visible elsewhere.
    const teamId = allowed ? (await w.freshTeam(home)).team : w.of(home).team;
    const personId = allowed ? (await w.freshTeam(t)).member : (side(w, t)?.member ?? toGlobalId('Person', uuidv7()));
    // After the shared team's establishment (12-01), so a missing scope check would show as a join.
    const effectiveDate = allowed ? asOf(w) : w.date('12-15');
    const answer = await w.gql(role, ALL_MUTATIONS.addTeamMember, { input: { teamId, personId, role: 'MEMBER', effectiveDate } });
    if (topCode(answer) === 'FORBIDDEN') return 'FORBIDDEN';
    const payload = answer.body.data?.addTeamMember as { userErrors: Array<{ code: string }> } | undefined;
    if (!payload || answer.body.errors) return describe(answer);
    if (payload.userErrors.length === 0) return 'ALLOWED';
    return payload.userErrors.length === 1 && payload.userErrors[0]?.code === 'PERSON_NOT_FOUND' ? 'NOT_FOUND' : describe(answer);
  },
};

export const PEOPLE_WRITES: readonly Operation[] = [addExistingPerson];

/** The expected outcome of a role's operation on a target: the matrix itself. */
export function expectedOutcome(role: Role, op: Operation, target: Target): Outcome {
  if (op.write && role === 'AUDITOR') return 'FORBIDDEN';
  if (op.adminOnly && role !== 'ADMIN') return 'FORBIDDEN';
  if (target === 'unknown') return 'NOT_FOUND';
  if (role === 'ADMIN' || role === 'AUDITOR' || op.public) return 'ALLOWED';
  // Portals: their own province only; the nation's figures only when PORTALS_SEE_NATIONAL_STATISTICS (off here).
  if (target === 'nation') return 'NOT_FOUND';
  return (role === 'PORTAL_A') === (target === 'A') ? 'ALLOWED' : 'NOT_FOUND';
}
