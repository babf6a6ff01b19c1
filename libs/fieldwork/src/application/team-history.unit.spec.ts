import { TeamHistory } from './team-history';

const event = (type: string, data: object) => ({ type, data });
const joined = (personId: string, role: string, effectiveDate: string) => event('MemberJoined', { personId, role, effectiveDate, decisionRef: null });

describe('TeamHistory (a roster through time, from the team stream)', () => {
  const history = TeamHistory.of([
    event('TeamEstablished', { communeCode: '42001', effectiveDate: '2025-02-01' }),
    joined('lan', 'LEADER', '2025-02-01'),
    joined('minh', 'MEMBER', '2025-02-10'),
    event('MemberRoleChanged', { personId: 'minh', previousRole: 'MEMBER', role: 'LEADER', effectiveDate: '2025-04-01', decisionRef: null }),
    event('MemberRoleChanged', { personId: 'lan', previousRole: 'LEADER', role: 'MEMBER', effectiveDate: '2025-04-01', decisionRef: null }),
    event('MemberLeft', { personId: 'lan', effectiveDate: '2025-05-01', decisionRef: null }),
    event('TeamDissolved', { effectiveDate: '2025-07-01', decisionRef: null }),
  ]);

  it('knows who was a member and who led on each day (half-open spells)', () => {
    expect(history.communeCode).toBe('42001');
    expect([...history.membersOn('2025-02-09')]).toEqual(['lan']);
    expect([...history.membersOn('2025-03-01')].sort()).toEqual(['lan', 'minh']);
    expect(history.leaderOn('2025-03-31')).toBe('lan');
    expect(history.leaderOn('2025-04-01')).toBe('minh');
    expect([...history.membersOn('2025-05-01')]).toEqual(['minh']);
    expect([...history.membersOn('2025-07-01')]).toEqual([]);
  });

  it('is active from establishment until the day of dissolution', () => {
    expect([history.activeOn('2025-01-31'), history.activeOn('2025-02-01'), history.activeOn('2025-06-30'), history.activeOn('2025-07-01')]).toEqual([false, true, true, false]);
    expect(TeamHistory.of([]).activeOn('2025-03-01')).toBe(false);
  });

  it('knows the communes a re-attached team succeeded on each day, and none before it moved', () => {
    const moved = TeamHistory.of([
      event('TeamEstablished', { communeCode: '00100', effectiveDate: '2023-01-01' }),
      event('TeamReattached', { fromCommuneCode: '00100', toCommuneCode: '00200', successionKind: 'FULL', effectiveDate: '2025-07-01', decisionRef: null }),
      event('TeamReattached', { fromCommuneCode: '00200', toCommuneCode: '00300', successionKind: 'PARTIAL', effectiveDate: '2026-03-01', decisionRef: 'CV 1' }),
    ]);
    expect([...moved.succeededOn('2022-12-31')]).toEqual([]);
    expect([...moved.succeededOn('2025-06-30')]).toEqual([]);
    expect([...moved.succeededOn('2025-07-01')]).toEqual(['00100']);
    expect([...moved.succeededOn('2026-03-01')].sort()).toEqual(['00100', '00200']);
    expect([...history.succeededOn('2025-03-01')]).toEqual([]);
  });
});
