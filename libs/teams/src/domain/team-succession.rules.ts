import type { DomainError } from '@cdtt/event-sourcing';
import type { AssignToSuccessorCommune, FollowCommuneSuccession } from './team.commands';
import { TeamErrors } from './team.errors';
import type { TeamHeldForSuccessorChoice, TeamReattached } from './team.events';
import type { TeamState } from './team.state';

type SuccessionEvent = TeamReattached | TeamHeldForSuccessorChoice;

/**
 * A team follows its commune's succession. Nothing happens (no event, no error) when the team is
 * not affected: dissolved, established on or after the reorganisation, already moved on, or already
 * held with the same successors. The process manager may deliver a command twice; the second time
 * changes nothing.
 */
export function decideFollowSuccession(command: FollowCommuneSuccession, state: TeamState): SuccessionEvent[] {
  const { fromCommuneCode, toCommuneCodes, successionKind, effectiveDate } = command;
  if (state.status !== 'ACTIVE' || state.communeCode !== fromCommuneCode) return [];
  if (state.establishedOn >= effectiveDate) return [];
  const [toCommuneCode] = toCommuneCodes;
  const successorCodes = [...new Set(toCommuneCodes)].sort();
  if (state.succession?.status === 'AWAITING_ASSIGNMENT') {
    // Held already: only a changed set of successors (an edge of the split recorded since) is news.
    const same = state.succession.successorCodes.join(',') === successorCodes.join(',');
    return same || toCommuneCode === undefined ? [] : [{ type: 'TeamHeldForSuccessorChoice', data: { fromCommuneCode, successorCodes, effectiveDate } }];
  }
  if (toCommuneCode === undefined) return [];
  // Only a single FULL edge is unambiguous; anything else is a person's choice, never a guess.
  if (successionKind === 'FULL' && toCommuneCodes.length === 1) {
    return [{ type: 'TeamReattached', data: { fromCommuneCode, toCommuneCode, successionKind, effectiveDate, decisionRef: null } }];
  }
  return [{ type: 'TeamHeldForSuccessorChoice', data: { fromCommuneCode, successorCodes, effectiveDate } }];
}

/** A person's choice after a split: one of the successors, dated on the reorganisation itself. */
export function decideAssignSuccessor(command: AssignToSuccessorCommune, state: TeamState): SuccessionEvent[] | DomainError {
  const held = state.succession;
  if (held?.status !== 'AWAITING_ASSIGNMENT') return TeamErrors.notAwaitingAssignment();
  if (!held.successorCodes.includes(command.toCommuneCode)) return TeamErrors.notASuccessor(command.toCommuneCode);
  const data = {
    fromCommuneCode: held.fromCommuneCode,
    toCommuneCode: command.toCommuneCode,
    successionKind: 'PARTIAL' as const,
    effectiveDate: held.since,
    decisionRef: command.decisionRef,
  };
  return [{ type: 'TeamReattached', data }];
}
