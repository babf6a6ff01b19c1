import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import { expectedOutcome, type Observed, type Operation, type Outcome, type Target } from './authorization-operations';
import type { Role, Side } from './authorization-world';
import type { ReorganisationFixtures } from './reorganisation-fixtures';

/** An operation of the reorganisation feature, classified like the main matrix's (`expectedOutcome`). */
export interface ReorgOperation {
  readonly name: string;
  readonly write: boolean;
  readonly adminOnly?: boolean;
  readonly public?: boolean;
  readonly targets: readonly Target[];
  run(f: ReorganisationFixtures, role: Role, target: Target, expected: Outcome): Promise<Observed>;
}

export function expectedForReorg(role: Role, op: ReorgOperation, target: Target): Outcome {
  const shape: Operation = { ...op, run: () => Promise.reject(new Error('shape only')) };
  return expectedOutcome(role, shape, target);
}

const SIDES: readonly Target[] = ['A', 'B', 'unknown'];
const sideOf = (t: Target): Side | null => (t === 'A' || t === 'B' ? t : null);
const unknownId = (type: string): string => toGlobalId(type, uuidv7());
const describeAnswer = (body: unknown): Observed => `unexpected answer ${JSON.stringify(body).slice(0, 400)}`;

/**
 * A mutation's outcome: FORBIDDEN at top level, ALLOWED without user errors, NOT_FOUND when every
 * user error is one of `notFound` (the codes an unknown object gets: a portal must get the very same
 * for another province's object), anything else unexpected.
 */
async function mutate(f: ReorganisationFixtures, role: Role, field: string, inputType: string, input: Record<string, unknown>, notFound: readonly string[]): Promise<Observed> {
  const query = `mutation($input: ${inputType}!) { ${field}(input: $input) { userErrors { code field } } }`;
  const answer = await f.world.gql(role, query, { input });
  const top = answer.body.errors?.[0]?.extensions.code;
  if (top === 'FORBIDDEN') return 'FORBIDDEN';
  const payload = answer.body.data?.[field] as { userErrors: Array<{ code: string }> } | undefined;
  if (top || !payload) return describeAnswer(answer.body);
  if (payload.userErrors.length === 0) return 'ALLOWED';
  return payload.userErrors.every((e) => notFound.includes(e.code)) ? 'NOT_FOUND' : describeAnswer(answer.body);
}

/** A read: FORBIDDEN/NOT_FOUND at top level, else `seen` tells whether the data shows the target. */
async function read(f: ReorganisationFixtures, role: Role, query: string, variables: Record<string, unknown>, seen: (data: Record<string, unknown>) => boolean): Promise<Observed> {
  const answer = await f.world.gql(role, query, variables);
  const top = answer.body.errors?.[0]?.extensions.code;
  if (top === 'FORBIDDEN' || top === 'NOT_FOUND') return top;
  if (top || !answer.body.data) return describeAnswer(answer.body);
  return seen(answer.body.data) ? 'ALLOWED' : 'NOT_FOUND';
}

const decisionOf = (f: ReorganisationFixtures, commune: string) => ({
  number: '5/QĐ-TCT',
  date: f.world.date('08-01'),
  issuingCommuneCode: commune,
  signerName: 'Nguyễn Văn Ký',
  signerTitle: 'Chủ tịch',
});
const edge = (from: string, to: string, effectiveOn: string) => ({ fromLevel: 'COMMUNE', fromCode: from, toLevel: 'COMMUNE', toCode: to, effectiveOn });

const recordUnitSuccession: ReorgOperation = {
  name: 'recordUnitSuccession',
  write: true,
  adminOnly: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const [from, to] = side && expected === 'ALLOWED' ? await f.communes(side, side) : side ? [f.of(side).spareFrom, f.of(side).spareTo] : ['00000', f.of('A').spareTo];
    const input = { ...edge(from, to, f.world.date('10-01')), kind: 'FULL', reference: 'NQ 7/NQ-E2E' };
    return mutate(f, role, 'recordUnitSuccession', 'RecordUnitSuccessionInput', input, ['SUCCESSION_FROM_UNKNOWN']);
  },
};

const withdrawUnitSuccession: ReorgOperation = {
  name: 'withdrawUnitSuccession',
  write: true,
  adminOnly: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    let pair: [string, string] = side ? [f.of(side).spareFrom, f.of(side).spareTo] : ['00000', f.of('A').spareTo];
    if (side && expected === 'ALLOWED') {
      pair = await f.communes(side, side);
      await f.world.recordEdge(pair[0], pair[1], 'FULL', f.world.date('10-01'));
    }
    const input = { ...edge(pair[0], pair[1], f.world.date('10-01')), reason: 'Ghi nhầm' };
    return mutate(f, role, 'withdrawUnitSuccession', 'WithdrawUnitSuccessionInput', input, ['SUCCESSION_NOT_FOUND']);
  },
};

const reissueTeamDecision: ReorgOperation = {
  name: 'reissueTeamDecision (re-attached team)',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const moved = side ? (expected === 'ALLOWED' ? await f.reattachedTeam(side) : f.of(side).reattached) : { team: unknownId('Team'), commune: '00000' };
    const input = { teamId: moved.team, decision: decisionOf(f, moved.commune), effectiveDate: f.world.date('08-01') };
    return mutate(f, role, 'reissueTeamDecision', 'ReissueTeamDecisionInput', input, ['TEAM_NOT_FOUND']);
  },
};

const assignTeamToSuccessorCommune: ReorgOperation = {
  name: 'assignTeamToSuccessorCommune (held team)',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const held = side ? (expected === 'ALLOWED' ? await f.heldTeam(side) : f.of(side).held) : { team: unknownId('Team'), successors: ['00000'] };
    const input = { teamId: held.team, communeCode: held.successors[0], decisionRef: 'CV 3/UBND' };
    return mutate(f, role, 'assignTeamToSuccessorCommune', 'AssignTeamToSuccessorCommuneInput', input, ['TEAM_NOT_FOUND']);
  },
};

const VILLAGE_NOT_FOUND = ['VILLAGE_NOT_FOUND', 'COMMUNE_NOT_IN_FORCE'];

const mergeVillages: ReorgOperation = {
  name: 'mergeVillages',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const ids = side ? (expected === 'ALLOWED' ? await f.villages(side, 2) : [...f.world.of(side).villages]) : [unknownId('Village'), unknownId('Village')];
    const input = { villageIds: ids, into: { name: `Thôn gộp ${uuidv7().slice(-6)}`, kind: 'THON' }, mergedOn: f.world.date('08-01'), decisionRef: 'QĐ 8/UBND' };
    return mutate(f, role, 'mergeVillages', 'MergeVillagesInput', input, VILLAGE_NOT_FOUND);
  },
};

const splitVillage: ReorgOperation = {
  name: 'splitVillage',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const [id] = side ? (expected === 'ALLOWED' ? await f.villages(side, 1) : [f.world.of(side).villages[1]]) : [unknownId('Village')];
    const parts = ['Bắc', 'Nam'].map((half) => ({ name: `Thôn ${half} ${uuidv7().slice(-6)}`, kind: 'THON' }));
    return mutate(f, role, 'splitVillage', 'SplitVillageInput', { villageId: id, parts, splitOn: f.world.date('08-01'), decisionRef: 'QĐ 9/UBND' }, VILLAGE_NOT_FOUND);
  },
};

const moveVillage: ReorgOperation = {
  name: 'moveVillage',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const [id] = side ? (expected === 'ALLOWED' ? await f.villages(side, 1) : [f.world.of(side).villages[1]]) : [unknownId('Village')];
    const to = side ? f.of(side).spareTo : '00000';
    return mutate(f, role, 'moveVillage', 'MoveVillageInput', { villageId: id, toCommuneCode: to, movedOn: f.world.date('08-01'), decisionRef: 'QĐ 10/UBND' }, VILLAGE_NOT_FOUND);
  },
};

const mergeTeams: ReorgOperation = {
  name: 'mergeTeams',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    let input: Record<string, unknown>;
    if (side && expected === 'ALLOWED') {
      const [survivor, absorbed] = [await f.world.freshTeam(side), await f.world.freshTeam(side)];
      const commune = f.world.of(side).commune;
      input = { teamId: survivor.team, absorbedTeamIds: [absorbed.team], leaderPersonId: survivor.leader, villageIds: [], decision: decisionOf(f, commune), effectiveDate: f.world.date('08-01') };
    } else {
      // Two real teams of the side (of different communes: were the scope skipped, the answer would be a merge rule, not NOT_FOUND).
      const own = side ? f.world.of(side) : { team: unknownId('Team'), leader: unknownId('Person'), commune: '00000' };
      const other = side ? f.of(side).reattached.team : unknownId('Team');
      input = { teamId: own.team, absorbedTeamIds: [other], leaderPersonId: own.leader, villageIds: [], decision: decisionOf(f, own.commune), effectiveDate: f.world.date('08-01') };
    }
    return mutate(f, role, 'mergeTeams', 'MergeTeamsInput', input, ['TEAM_NOT_FOUND']);
  },
};

const splitTeam: ReorgOperation = {
  name: 'splitTeam',
  write: true,
  targets: SIDES,
  async run(f, role, t, expected) {
    const side = sideOf(t);
    const team = side ? (expected === 'ALLOWED' ? await f.world.freshTeam(side) : f.world.of(side)) : { team: unknownId('Team'), leader: unknownId('Person'), member: unknownId('Person') };
    const commune = side ? f.world.of(side).commune : '00000';
    const parts = [
      { name: `Tổ 1 ${uuidv7().slice(-6)}`, villageIds: [], leaderPersonId: team.leader, memberPersonIds: [team.leader] },
      { name: `Tổ 2 ${uuidv7().slice(-6)}`, villageIds: [], leaderPersonId: team.member, memberPersonIds: [team.member] },
    ];
    const input = { teamId: team.team, parts, decision: decisionOf(f, commune), effectiveDate: f.world.date('08-01') };
    return mutate(f, role, 'splitTeam', 'SplitTeamInput', input, ['TEAM_NOT_FOUND']);
  },
};

const provinceOf = (f: ReorganisationFixtures, t: Target): string => (sideOf(t) ? f.world.codes[t as Side] : '00');

const reorganisationWorkQueue: ReorgOperation = {
  name: 'reorganisationWorkQueue',
  write: false,
  targets: SIDES,
  run(f, role, t) {
    const query = `query($p: String!) { reorganisationWorkQueue(provinceCode: $p, status: AWAITING_ASSIGNMENT, first: 100) { totalCount nodes { team { id } } } }`;
    const side = sideOf(t);
    return read(f, role, query, { p: provinceOf(f, t) }, (data) => {
      const nodes = (data.reorganisationWorkQueue as { nodes: Array<{ team: { id: string } }> }).nodes;
      return side !== null && nodes.some((n) => n.team.id === f.of(side).held.team);
    });
  },
};

const statisticsSeries: ReorgOperation = {
  name: 'statisticsSeries',
  write: false,
  targets: SIDES,
  run(f, role, t) {
    const query = `query($code: String!, $from: String!, $to: String!) { statisticsSeries(code: $code, level: PROVINCE, from: $from, to: $to, interval: MONTH) { asOf figures { activeTeams } } }`;
    const variables = { code: provinceOf(f, t), from: f.world.date('03-01'), to: f.world.date('05-01') };
    return read(f, role, query, variables, (data) => (data.statisticsSeries as Array<{ figures: unknown }>).some((p) => p.figures !== null));
  },
};

const reaggregatedStatistics: ReorgOperation = {
  name: 'reaggregatedStatistics',
  write: false,
  targets: SIDES,
  run(f, role, t) {
    const query = `query($asOf: String!, $onto: String!) { reaggregatedStatistics(asOf: $asOf, onto: $onto) { provinces { code } totals { totalTeams } } }`;
    const variables = { asOf: f.world.date('05-01'), onto: f.world.date('07-01') };
    return read(f, role, query, variables, (data) => {
      const result = data.reaggregatedStatistics as { provinces: Array<{ code: string }>; totals: unknown };
      // National control totals are not a portal's to see.
      if ((result.totals !== null) !== (role === 'ADMIN' || role === 'AUDITOR')) return false;
      return result.provinces.some((p) => p.code === provinceOf(f, t));
    });
  },
};

/** The mapping's defects are public reference data, as the units are: every role reads them. */
const successionDefects: ReorgOperation = {
  name: 'successionDefects',
  write: false,
  public: true,
  targets: ['nation'],
  run(f, role) {
    const query = '{ successionDefects(openOnly: false, first: 5) { totalCount nodes { reason subject open } } }';
    return read(f, role, query, {}, (data) => typeof (data.successionDefects as { totalCount: unknown }).totalCount === 'number');
  },
};

export const REORGANISATION_OPERATIONS: readonly ReorgOperation[] = [
  recordUnitSuccession,
  withdrawUnitSuccession,
  reissueTeamDecision,
  assignTeamToSuccessorCommune,
  reorganisationWorkQueue,
  mergeVillages,
  splitVillage,
  moveVillage,
  mergeTeams,
  splitTeam,
  statisticsSeries,
  reaggregatedStatistics,
  successionDefects,
];
