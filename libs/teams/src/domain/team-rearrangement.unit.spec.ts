import { DomainError } from '@cdtt/event-sourcing';
import { established, joined } from '../testing/team.fixtures';
import { DEFAULT_TEAM_POLICY } from './team.commands';
import { decideMergeTeams, decideSplitTeam, type LoadedTeam, type MergeTeams, type SplitTeam } from './team-rearrangement.rules';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';

const teamOf = (id: string, history: TeamEvent[]): LoadedTeam => ({ id, state: history.reduce(teamDecider.evolve, teamDecider.initialState) });
const decision = { number: '20/QĐ-UBND', date: '2026-03-01', issuingCommuneCode: '00004', signerName: 'A', signerTitle: 'Chủ tịch' };
const facts = {
  issuerInForceOnDecisionDate: true,
  villages: [{ id: 'v1', communeCode: '00004', active: true }, { id: 'v2', communeCode: '00004', active: true }, { id: 'v9', communeCode: '00007', active: true }],
  villagesServedElsewhere: [],
};
const a = teamOf('A', [established({ villageIds: ['v1'] }), joined('p1', 'LEADER'), joined('p2', 'DEPUTY')]);
const b = teamOf('B', [established({ villageIds: ['v2'] }), joined('p3', 'LEADER'), joined('p4', 'MEMBER')]);
const merge = (overrides: Partial<MergeTeams> = {}): MergeTeams => ({
  survivor: a, absorbed: [b], leaderPersonId: 'p3', villageIds: ['v1', 'v2'], decision, effectiveDate: '2026-03-01', facts, policy: DEFAULT_TEAM_POLICY, ...overrides,
});
const split = (overrides: Partial<SplitTeam> = {}): SplitTeam => ({
  team: teamOf('A', [established({ villageIds: ['v1', 'v2'] }), joined('p1', 'LEADER'), joined('p2', 'DEPUTY'), joined('p5', 'MEMBER')]),
  parts: [
    { teamId: 'N1', name: 'Tổ 1', villageIds: ['v1'], leaderPersonId: 'p1', memberPersonIds: ['p1', 'p5'] },
    { teamId: 'N2', name: 'Tổ 2', villageIds: ['v2'], leaderPersonId: 'p2', memberPersonIds: ['p2'] },
  ],
  decision, effectiveDate: '2026-03-01', facts, policy: DEFAULT_TEAM_POLICY, ...overrides,
});
const code = (r: unknown): string | null => (r instanceof DomainError ? r.code : null);

describe('Teams follow merged villages (TeamsMerged)', () => {
  it('unites the members under one chosen leader; former leaders become members; absorbed teams end', () => {
    const result = decideMergeTeams(merge());
    if (result instanceof DomainError) throw new Error(result.code);
    expect(result.survivor.events).toEqual([{
      type: 'TeamsMerged',
      data: { absorbedTeamIds: ['B'], villageIds: ['v1', 'v2'], decision, effectiveDate: '2026-03-01',
        members: [{ personId: 'p3', role: 'LEADER' }, { personId: 'p2', role: 'DEPUTY' }, { personId: 'p1', role: 'MEMBER' }, { personId: 'p4', role: 'MEMBER' }] },
    }]);
    expect(result.absorbed).toEqual([{ teamId: 'B', events: [{ type: 'TeamMergedInto', data: { survivorTeamId: 'A', effectiveDate: '2026-03-01', decisionRef: '20/QĐ-UBND' } }] }]);
    const after = [...result.survivor.events].reduce(teamDecider.evolve, a.state);
    expect([...after.members.keys()].sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it.each([
    ['TEAM_MERGE_NEEDS_TWO_TEAMS', { absorbed: [] }],
    ['TEAM_LISTED_TWICE', { absorbed: [a] }],
    ['LEADER_NOT_A_MEMBER', { leaderPersonId: 'p9' }],
    ['TEAMS_IN_DIFFERENT_COMMUNES', { absorbed: [teamOf('C', [established({ communeCode: '00007', villageIds: ['v9'], decision: { ...decision, date: '2024-03-01', issuingCommuneCode: '00007' } })])] }],
    ['DECISION_ISSUER_MISMATCH', { decision: { ...decision, issuingCommuneCode: '00007' } }],
    ['VILLAGE_OUTSIDE_COMMUNE', { villageIds: ['v1', 'v9'] }],
    ['EFFECTIVE_BEFORE_ESTABLISHMENT', { effectiveDate: '2024-01-01', decision: { ...decision, date: '2024-01-01' } }],
    ['TOO_MANY_DEPUTIES', { policy: { ...DEFAULT_TEAM_POLICY, maxDeputies: 0 } }],
  ] as const)('refuses with %s', (expected, overrides) => {
    expect(code(decideMergeTeams(merge(overrides as Partial<MergeTeams>)))).toBe(expected);
  });
});

describe('Teams follow a split village (TeamSplit)', () => {
  it('establishes a team per part with its allocated members, and ends the original', () => {
    const result = decideSplitTeam(split());
    if (result instanceof DomainError) throw new Error(result.code);
    expect(result.original.events).toEqual([{ type: 'TeamSplit', data: { intoTeamIds: ['N1', 'N2'], decision, effectiveDate: '2026-03-01' } }]);
    expect(result.parts.map((p) => p.events.map((e) => (e.type === 'MemberJoined' ? `${e.data.personId}:${e.data.role}` : e.type)))).toEqual([
      ['TeamEstablished', 'p1:LEADER', 'p5:MEMBER'],
      ['TeamEstablished', 'p2:LEADER'],
    ]);
  });

  const [p1, p2] = split().parts as [SplitTeam['parts'][number], SplitTeam['parts'][number]];
  it.each([
    ['TEAM_SPLIT_NEEDS_TWO_PARTS', { parts: [p1] }],
    ['MEMBER_NOT_ALLOCATED', { parts: [{ ...p1, memberPersonIds: ['p1'] }, p2] }],
    ['MEMBER_ALLOCATED_TWICE', { parts: [p1, { ...p2, memberPersonIds: ['p2', 'p5'] }] }],
    ['MEMBER_NOT_ON_TEAM', { parts: [p1, { ...p2, memberPersonIds: ['p2', 'p9'] }] }],
    ['PART_LEADER_REQUIRED', { parts: [p1, { ...p2, leaderPersonId: 'p1' }] }],
    ['DUPLICATE_VILLAGE', { parts: [p1, { ...p2, villageIds: ['v1'] }] }],
    ['VILLAGE_OUTSIDE_COMMUNE', { parts: [p1, { ...p2, villageIds: ['v9'] }] }],
    ['TEAM_NAME_REQUIRED', { parts: [p1, { ...p2, name: ' ' }] }],
  ] as const)('refuses with %s', (expected, overrides) => {
    expect(code(decideSplitTeam(split(overrides as Partial<SplitTeam>)))).toBe(expected);
  });
});
