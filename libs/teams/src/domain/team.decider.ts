import type { Decider, DomainError } from '@cdtt/event-sourcing';
import type { TeamCommand } from './team.commands';
import { checkCoverage, checkDecision, checkEstablishment } from './team-establishment.rules';
import { decideAddMember, decideChangeRole, decideRemoveMember } from './team-roster.rules';
import { decideAssignSuccessor, decideFollowSuccession } from './team-succession.rules';
import { TeamErrors } from './team.errors';
import type { TeamEvent } from './team.events';
import { evolveTeam, initialTeamState, type TeamState } from './team.state';

/** Checks shared by every command on an existing team: it exists, is active, and dates follow it. */
function checkExisting(state: TeamState, effectiveDate: string): DomainError | null {
  if (state.status === 'NONE') return TeamErrors.notFound();
  if (state.status === 'DISSOLVED') return TeamErrors.dissolved();
  if (effectiveDate < state.establishedOn) return TeamErrors.effectiveBeforeEstablishment(state.establishedOn);
  return null;
}

function decideOnExisting(
  command: Exclude<TeamCommand, { type: 'EstablishTeam' | 'FollowCommuneSuccession' | 'AssignToSuccessorCommune' }>,
  state: TeamState,
): readonly TeamEvent[] | DomainError {
  const rejected = checkExisting(state, command.effectiveDate);
  if (rejected) return rejected;
  switch (command.type) {
    case 'AddMember':
      return decideAddMember(command, state);
    case 'ChangeMemberRole':
      return decideChangeRole(command, state);
    case 'RemoveMember':
      return decideRemoveMember(command, state);
    case 'RenameTeam': {
      if (!command.name.trim()) return TeamErrors.nameRequired();
      if (command.name === state.name) return [];
      const { name, effectiveDate, decisionRef } = command;
      return [{ type: 'TeamRenamed', data: { name, effectiveDate, decisionRef } }];
    }
    case 'ChangeTeamCoverage': {
      const { villageIds, effectiveDate, decisionRef, facts, policy } = command;
      const invalid = checkCoverage(villageIds, state.communeCode, state.level, facts, policy);
      if (invalid) return invalid;
      return [{ type: 'TeamCoverageChanged', data: { villageIds, effectiveDate, decisionRef } }];
    }
    case 'ReissueTeamDecision': {
      const { decision, effectiveDate, facts } = command;
      if (state.succession?.status === 'AWAITING_ASSIGNMENT') return TeamErrors.awaitingAssignment();
      const invalid = checkDecision(decision, state.communeCode, effectiveDate, facts);
      if (invalid) return invalid;
      return [{ type: 'TeamDecisionReissued', data: { decision, effectiveDate } }];
    }
    case 'DissolveTeam': {
      const { effectiveDate, decisionRef } = command;
      return [{ type: 'TeamDissolved', data: { effectiveDate, decisionRef } }];
    }
  }
}

/**
 * The Team aggregate (stream `team-<uuid>`): establishment by decision, roster, coverage,
 * re-confirmation, dissolution, and following its commune through reorganisations. Pure: geography facts and province policy arrive in commands.
 */
export const teamDecider: Decider<TeamCommand, TeamState, TeamEvent> = {
  initialState: initialTeamState,
  evolve: evolveTeam,
  decide(command: TeamCommand, state: TeamState): readonly TeamEvent[] | DomainError {
    // Reorganisations reach every team of a commune, including dissolved ones: those are left alone.
    if (command.type === 'FollowCommuneSuccession') return decideFollowSuccession(command, state);
    if (command.type === 'AssignToSuccessorCommune') {
      // Dated by the reorganisation the team waits on, not by the command.
      return state.status === 'ACTIVE' ? decideAssignSuccessor(command, state) : (checkExisting(state, '9999-12-31') ?? []);
    }
    if (command.type !== 'EstablishTeam') return decideOnExisting(command, state);
    if (state.status !== 'NONE') return TeamErrors.alreadyEstablished();
    const invalid = checkEstablishment(command);
    if (invalid) return invalid;
    const { teamId, communeCode, villageIds, name, level, decision, effectiveDate } = command;
    return [{ type: 'TeamEstablished', data: { teamId, communeCode, villageIds, name, level, decision, effectiveDate } }];
  },
};
