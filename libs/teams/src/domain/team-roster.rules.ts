import type { DomainError } from '@cdtt/event-sourcing';
import type { AddMember, ChangeMemberRole, RemoveMember } from './team.commands';
import { TeamErrors } from './team.errors';
import type { MemberJoined, MemberLeft, MemberRoleChanged, MemberRole } from './team.events';
import { deputyCount, leaderOf, type TeamState } from './team.state';

type RosterEvent = MemberJoined | MemberRoleChanged | MemberLeft;

/**
 * Appointing a leader (by joining or by a role change) hands over leadership: the previous leader
 * becomes a MEMBER on the same date, in the same append (ADR 0006).
 */
function handOver(state: TeamState, effectiveDate: string, decisionRef: string | null): RosterEvent[] | DomainError {
  const current = leaderOf(state);
  if (!current) return [];
  const [personId, membership] = current;
  if (effectiveDate < membership.since) return TeamErrors.effectiveBeforeMemberChange(membership.since);
  return [
    {
      type: 'MemberRoleChanged',
      data: { personId, previousRole: 'LEADER', role: 'MEMBER', effectiveDate, decisionRef },
    },
  ];
}

function checkDeputies(state: TeamState, role: MemberRole, maxDeputies: number): DomainError | null {
  return role === 'DEPUTY' && deputyCount(state) >= maxDeputies ? TeamErrors.tooManyDeputies(maxDeputies) : null;
}

export function decideAddMember(command: AddMember, state: TeamState): RosterEvent[] | DomainError {
  const { personId, role, effectiveDate, decisionRef } = command;
  if (state.members.has(personId)) return TeamErrors.alreadyMember();
  const leader = leaderOf(state);
  if (!leader && role !== 'LEADER') return TeamErrors.firstMemberMustLead();
  // A member dated before the current leader took office would be a roster without a leader.
  if (leader && role !== 'LEADER' && effectiveDate < leader[1].since) {
    return TeamErrors.effectiveBeforeLeader(leader[1].since);
  }
  const deputies = checkDeputies(state, role, command.policy.maxDeputies);
  if (deputies) return deputies;
  const handed = role === 'LEADER' ? handOver(state, effectiveDate, decisionRef) : [];
  if (!Array.isArray(handed)) return handed;
  return [...handed, { type: 'MemberJoined', data: { personId, role, effectiveDate, decisionRef } }];
}

export function decideChangeRole(command: ChangeMemberRole, state: TeamState): RosterEvent[] | DomainError {
  const { personId, role, effectiveDate, decisionRef } = command;
  const membership = state.members.get(personId);
  if (!membership) return TeamErrors.notMember();
  if (effectiveDate < membership.since) return TeamErrors.effectiveBeforeMemberChange(membership.since);
  if (membership.role === role) return TeamErrors.roleUnchanged();
  if (membership.role === 'LEADER') return TeamErrors.leaderRequired();
  const deputies = checkDeputies(state, role, command.policy.maxDeputies);
  if (deputies) return deputies;
  const handed = role === 'LEADER' ? handOver(state, effectiveDate, decisionRef) : [];
  if (!Array.isArray(handed)) return handed;
  const change: MemberRoleChanged = {
    type: 'MemberRoleChanged',
    data: { personId, previousRole: membership.role, role, effectiveDate, decisionRef },
  };
  return [...handed, change];
}

export function decideRemoveMember(command: RemoveMember, state: TeamState): RosterEvent[] | DomainError {
  const { personId, effectiveDate, decisionRef } = command;
  const membership = state.members.get(personId);
  if (!membership) return TeamErrors.notMember();
  if (effectiveDate < membership.since) return TeamErrors.effectiveBeforeMemberChange(membership.since);
  // The leader may leave only as the last member: otherwise appoint a successor first.
  if (membership.role === 'LEADER' && state.members.size > 1) return TeamErrors.leaderRequired();
  return [{ type: 'MemberLeft', data: { personId, effectiveDate, decisionRef } }];
}
