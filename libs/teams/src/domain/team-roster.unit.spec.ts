import { established, given, joined } from '../testing/team.fixtures';
import type { AddMember, ChangeMemberRole, RemoveMember } from './team.commands';
import type { MemberRole } from './team.events';

const policy = { oneVillageTeamPerVillage: true, maxDeputies: 2 };
const add = (personId: string, role: MemberRole, effectiveDate = '2024-04-01'): AddMember => ({
  type: 'AddMember',
  personId,
  role,
  effectiveDate,
  decisionRef: null,
  policy,
});
const change = (personId: string, role: MemberRole, effectiveDate = '2024-05-01'): ChangeMemberRole => ({
  type: 'ChangeMemberRole',
  personId,
  role,
  effectiveDate,
  decisionRef: '7/QĐ-UBND',
  policy,
});
const remove = (personId: string, effectiveDate = '2024-06-01'): RemoveMember => ({
  type: 'RemoveMember',
  personId,
  effectiveDate,
  decisionRef: null,
});
const withLeader = [established(), joined('lead', 'LEADER')];

describe('Team decider: roster (rules 3 and 5, ADR 0006)', () => {
  it('requires the first member to be the leader', () => {
    expect(given([established()]).when(add('p1', 'MEMBER'))).toBe('FIRST_MEMBER_MUST_BE_LEADER');
    expect(given([established()]).when(add('p1', 'LEADER'))).toEqual([
      { type: 'MemberJoined', data: { personId: 'p1', role: 'LEADER', effectiveDate: '2024-04-01', decisionRef: null } },
    ]);
  });

  it('adds members and deputies once there is a leader', () => {
    expect(given(withLeader).when(add('p2', 'MEMBER'))).toHaveLength(1);
    expect(given(withLeader).when(add('p2', 'DEPUTY'))).toHaveLength(1);
  });

  it('refuses a person already on the team', () => {
    expect(given(withLeader).when(add('lead', 'MEMBER'))).toBe('MEMBER_ALREADY_ON_TEAM');
  });

  it('bounds deputies by the province policy', () => {
    const two = [...withLeader, joined('d1', 'DEPUTY'), joined('d2', 'DEPUTY')];
    expect(given(two).when(add('d3', 'DEPUTY'))).toBe('TOO_MANY_DEPUTIES');
    expect(given(two).when({ ...add('d3', 'DEPUTY'), policy: { ...policy, maxDeputies: 3 } })).toHaveLength(1);
    expect(given([...two, joined('m', 'MEMBER')]).when(change('m', 'DEPUTY'))).toBe('TOO_MANY_DEPUTIES');
  });

  it('hands leadership over when a new leader joins', () => {
    expect(given(withLeader).when(add('p2', 'LEADER'))).toEqual([
      {
        type: 'MemberRoleChanged',
        data: { personId: 'lead', previousRole: 'LEADER', role: 'MEMBER', effectiveDate: '2024-04-01', decisionRef: null },
      },
      { type: 'MemberJoined', data: { personId: 'p2', role: 'LEADER', effectiveDate: '2024-04-01', decisionRef: null } },
    ]);
  });

  it('hands leadership over when a member is promoted', () => {
    const events = given([...withLeader, joined('p2', 'DEPUTY')]).when(change('p2', 'LEADER'));
    expect(events).toEqual([
      {
        type: 'MemberRoleChanged',
        data: { personId: 'lead', previousRole: 'LEADER', role: 'MEMBER', effectiveDate: '2024-05-01', decisionRef: '7/QĐ-UBND' },
      },
      {
        type: 'MemberRoleChanged',
        data: { personId: 'p2', previousRole: 'DEPUTY', role: 'LEADER', effectiveDate: '2024-05-01', decisionRef: '7/QĐ-UBND' },
      },
    ]);
  });

  it('never leaves members without a leader', () => {
    const team = [...withLeader, joined('p2', 'MEMBER')];
    expect(given(team).when(change('lead', 'MEMBER'))).toBe('LEADER_REQUIRED');
    expect(given(team).when(remove('lead'))).toBe('LEADER_REQUIRED');
    expect(given(withLeader).when(remove('lead'))).toEqual([
      { type: 'MemberLeft', data: { personId: 'lead', effectiveDate: '2024-06-01', decisionRef: null } },
    ]);
  });

  it('changes roles and removes members', () => {
    const team = [...withLeader, joined('p2', 'MEMBER')];
    expect(given(team).when(change('p2', 'DEPUTY'))).toHaveLength(1);
    expect(given(team).when(change('p2', 'MEMBER'))).toBe('ROLE_UNCHANGED');
    expect(given(team).when(remove('p2'))).toHaveLength(1);
  });

  it('refuses changes to someone who is not a current member', () => {
    const left = [...withLeader, joined('p2', 'MEMBER'), { type: 'MemberLeft' as const, data: { personId: 'p2', effectiveDate: '2024-04-01', decisionRef: null } }];
    expect(given(left).when(change('p2', 'DEPUTY'))).toBe('MEMBER_NOT_ON_TEAM');
    expect(given(left).when(remove('p2'))).toBe('MEMBER_NOT_ON_TEAM');
  });

  it('dates every change: not before the establishment, the member\'s last change, or the leader', () => {
    expect(given(withLeader).when(add('p2', 'MEMBER', '2024-03-04'))).toBe('EFFECTIVE_BEFORE_ESTABLISHMENT');
    const team = [established(), joined('lead', 'LEADER', '2024-04-10'), joined('p2', 'MEMBER', '2024-04-20')];
    expect(given(team).when(add('p3', 'MEMBER', '2024-04-01'))).toBe('EFFECTIVE_BEFORE_LEADER');
    expect(given(team).when(change('p2', 'DEPUTY', '2024-04-19'))).toBe('EFFECTIVE_BEFORE_MEMBER_CHANGE');
    expect(given(team).when(remove('p2', '2024-04-19'))).toBe('EFFECTIVE_BEFORE_MEMBER_CHANGE');
    expect(given(team).when(add('p3', 'LEADER', '2024-04-09'))).toBe('EFFECTIVE_BEFORE_MEMBER_CHANGE');
    expect(given(team).when(remove('p2', '2024-04-20'))).toHaveLength(1);
  });
});
