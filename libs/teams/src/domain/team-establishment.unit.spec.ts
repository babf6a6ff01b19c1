import { establish, established, given, joined } from '../testing/team.fixtures';
import type { TeamCommand } from './team.commands';

const decision = establish().decision;

describe('Team decider: establishment (rule 1, rule 2)', () => {
  it('establishes a team from a complete decision by its commune', () => {
    expect(given([]).when(establish())).toEqual([
      {
        type: 'TeamEstablished',
        data: {
          teamId: 'team-1',
          communeCode: '00004',
          villageIds: ['v1'],
          name: 'Tổ CNSCĐ thôn 1',
          level: 'VILLAGE',
          decision,
          effectiveDate: '2024-03-05',
        },
      },
    ]);
  });

  it('accepts an effective date equal to the decision date', () => {
    expect(given([]).when(establish({ effectiveDate: '2024-03-01' }))).toHaveLength(1);
  });

  it('establishes a commune-level team with no village', () => {
    expect(given([]).when(establish({ level: 'COMMUNE', villageIds: [] }))).toHaveLength(1);
  });

  const rejections: [string, Partial<Parameters<typeof establish>[0]>][] = [
    ['TEAM_NAME_REQUIRED', { name: '  ' }],
    ['DECISION_INCOMPLETE', { decision: { ...decision, number: '' } }],
    ['DECISION_INCOMPLETE', { decision: { ...decision, signerName: ' ' } }],
    ['DECISION_ISSUER_MISMATCH', { decision: { ...decision, issuingCommuneCode: '00007' } }],
    ['ISSUER_NOT_IN_FORCE', { facts: { ...establish().facts, issuerInForceOnDecisionDate: false } }],
    ['EFFECTIVE_BEFORE_DECISION', { effectiveDate: '2024-02-29' }],
    ['VILLAGE_REQUIRED', { villageIds: [] }],
    ['DUPLICATE_VILLAGE', { villageIds: ['v1', 'v1'] }],
    ['VILLAGE_NOT_FOUND', { villageIds: ['nope'] }],
    ['VILLAGE_OUTSIDE_COMMUNE', { villageIds: ['v9'] }],
    ['VILLAGE_NOT_ACTIVE', { villageIds: ['vr'] }],
    ['VILLAGE_ALREADY_SERVED', { facts: { ...establish().facts, villagesServedElsewhere: ['v1'] } }],
  ];
  it.each(rejections)('rejects with %s', (code, overrides) => {
    expect(given([]).when(establish(overrides))).toBe(code);
  });

  it('lets a province relax one village team per village', () => {
    const facts = { ...establish().facts, villagesServedElsewhere: ['v1'] };
    const policy = { oneVillageTeamPerVillage: false, maxDeputies: 2 };
    expect(given([]).when(establish({ facts, policy }))).toHaveLength(1);
  });

  it('does not apply one-team-per-village to commune-level teams', () => {
    const facts = { ...establish().facts, villagesServedElsewhere: ['v1'] };
    expect(given([]).when(establish({ level: 'COMMUNE', facts }))).toHaveLength(1);
  });

  it('refuses to establish the same team twice', () => {
    expect(given([established()]).when(establish())).toBe('TEAM_ALREADY_ESTABLISHED');
  });
});

describe('Team decider: changes to the team itself', () => {
  const rename: TeamCommand = { type: 'RenameTeam', name: 'Tổ mới', effectiveDate: '2024-05-01', decisionRef: null };
  const dissolve: TeamCommand = { type: 'DissolveTeam', effectiveDate: '2025-01-01', decisionRef: '9/QĐ-UBND' };
  const coverage = (villageIds: string[], served: string[] = []): TeamCommand => ({
    type: 'ChangeTeamCoverage',
    villageIds,
    effectiveDate: '2024-06-01',
    decisionRef: null,
    facts: { villages: establish().facts.villages, villagesServedElsewhere: served },
    policy: establish().policy,
  });
  const reissue = (overrides: Partial<typeof decision> = {}, inForce = true, effectiveDate = '2025-08-01'): TeamCommand => ({
    type: 'ReissueTeamDecision',
    decision: { ...decision, number: '12/QĐ-UBND', date: '2025-07-15', ...overrides },
    effectiveDate,
    facts: { issuerInForceOnDecisionDate: inForce },
  });

  it('renames, and a rename to the same name writes nothing', () => {
    expect(given([established()]).when(rename)).toEqual([
      { type: 'TeamRenamed', data: { name: 'Tổ mới', effectiveDate: '2024-05-01', decisionRef: null } },
    ]);
    expect(given([established()]).when({ ...rename, name: 'Tổ CNSCĐ thôn 1' })).toEqual([]);
    expect(given([established()]).when({ ...rename, name: '' })).toBe('TEAM_NAME_REQUIRED');
  });

  it('changes coverage under the same village rules', () => {
    expect(given([established()]).when(coverage(['v1', 'v2']))).toEqual([
      { type: 'TeamCoverageChanged', data: { villageIds: ['v1', 'v2'], effectiveDate: '2024-06-01', decisionRef: null } },
    ]);
    expect(given([established()]).when(coverage(['v9']))).toBe('VILLAGE_OUTSIDE_COMMUNE');
    expect(given([established()]).when(coverage(['v2'], ['v2']))).toBe('VILLAGE_ALREADY_SERVED');
    expect(given([established()]).when(coverage([]))).toBe('VILLAGE_REQUIRED');
  });

  it('re-issues the decision (kiện toàn) under rule 1', () => {
    const result = given([established()]).when(reissue());
    expect(result).toEqual([
      {
        type: 'TeamDecisionReissued',
        data: { decision: { ...decision, number: '12/QĐ-UBND', date: '2025-07-15' }, effectiveDate: '2025-08-01' },
      },
    ]);
    expect(given([established()]).when(reissue({}, false))).toBe('ISSUER_NOT_IN_FORCE');
    expect(given([established()]).when(reissue({ issuingCommuneCode: '00007' }))).toBe('DECISION_ISSUER_MISMATCH');
    expect(given([established()]).when(reissue({}, true, '2025-07-14'))).toBe('EFFECTIVE_BEFORE_DECISION');
  });

  it('dissolves, and nothing changes a dissolved team', () => {
    expect(given([established()]).when(dissolve)).toEqual([
      { type: 'TeamDissolved', data: { effectiveDate: '2025-01-01', decisionRef: '9/QĐ-UBND' } },
    ]);
    const gone = given([established(), joined('p1', 'LEADER'), { type: 'TeamDissolved', data: { effectiveDate: '2025-01-01', decisionRef: null } }]);
    for (const command of [rename, dissolve, coverage(['v1']), reissue()]) expect(gone.when(command)).toBe('TEAM_DISSOLVED');
    expect(gone.when({ type: 'RemoveMember', personId: 'p1', effectiveDate: '2025-02-01', decisionRef: null })).toBe('TEAM_DISSOLVED');
  });

  it('rejects commands on a team that does not exist', () => {
    expect(given([]).when(rename)).toBe('TEAM_NOT_FOUND');
  });

  it('rejects changes dated before the establishment', () => {
    expect(given([established()]).when({ ...rename, effectiveDate: '2024-03-04' })).toBe('EFFECTIVE_BEFORE_ESTABLISHMENT');
    expect(given([established()]).when({ ...dissolve, effectiveDate: '2024-01-01' })).toBe('EFFECTIVE_BEFORE_ESTABLISHMENT');
  });
});
