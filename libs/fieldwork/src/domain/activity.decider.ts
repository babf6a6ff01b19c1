import { DomainError, type Decider } from '@cdtt/event-sourcing';
import { normaliseFigures, sameFigures } from './activity-figures.rules';
import type { ActivityCommand, LogActivity } from './activity.commands';
import type { ActivityEvent, CategoryFigures } from './activity.events';
import { FieldworkErrors } from './fieldwork.errors';
import { checkTeamOnDate } from './team-facts';

export interface ActivityState {
  readonly status: 'NONE' | 'LOGGED' | 'RETRACTED';
  readonly figures: readonly CategoryFigures[];
}

export const initialActivityState: ActivityState = { status: 'NONE', figures: [] };

const teamErrors = {
  TEAM_NOT_FOUND: FieldworkErrors.teamNotFound,
  TEAM_NOT_ACTIVE: FieldworkErrors.teamNotActive,
  DATE_IN_FUTURE: FieldworkErrors.dateInFuture,
} as const;

/** The team, the day, the village and who took part; figures are checked after. */
function checkLog(command: LogActivity): DomainError | null {
  const { team, village, date, today, participantIds } = command;
  const teamProblem = checkTeamOnDate(team, date, today);
  if (teamProblem) return teamErrors[teamProblem](teamProblem === 'DATE_IN_FUTURE' ? today : date);
  if (!village.found) return FieldworkErrors.villageNotFound();
  // After a reorganisation the village keeps the code of the commune it was registered in; the
  // team followed that commune's succession, so the village is still its own (unless moved since).
  if (village.communeCode !== team.communeCode && !team.succeededCommunes.has(village.communeCode)) return FieldworkErrors.villageOutsideCommune();
  if (!village.activeOnDate) return FieldworkErrors.villageNotActive(date);
  if (participantIds.length === 0) return FieldworkErrors.participantsRequired();
  if (new Set(participantIds).size !== participantIds.length) return FieldworkErrors.duplicateParticipant();
  const outsider = participantIds.find((id) => !team.membersOnDate.has(id));
  return outsider === undefined ? null : FieldworkErrors.participantNotMember(outsider, date);
}

function decideLog(command: LogActivity): readonly ActivityEvent[] | DomainError {
  const invalid = checkLog(command);
  if (invalid) return invalid;
  const figures = normaliseFigures(command.figures);
  if (figures instanceof DomainError) return figures;
  const { activityId, teamId, villageId, date, participantIds, team } = command;
  return [
    {
      type: 'ActivityLogged',
      data: { activityId, teamId, communeCode: team.communeCode, provinceCode: team.provinceCode, villageId, date, participantIds, figures },
    },
  ];
}

/**
 * A field activity (stream `activity-<uuid>`). History is never edited (rule 7): a correction is a
 * new event carrying the new figures, a retraction a new event with its reason; the activity stays
 * listed, and a retracted one can no longer change.
 */
export const activityDecider: Decider<ActivityCommand, ActivityState, ActivityEvent> = {
  initialState: initialActivityState,
  evolve(state: ActivityState, event: ActivityEvent): ActivityState {
    switch (event.type) {
      case 'ActivityLogged':
      case 'ActivityCorrected':
        return { ...state, status: 'LOGGED', figures: event.data.figures };
      case 'ActivityRetracted':
        return { ...state, status: 'RETRACTED' };
    }
  },
  decide(command: ActivityCommand, state: ActivityState): readonly ActivityEvent[] | DomainError {
    if (command.type === 'LogActivity') return state.status === 'NONE' ? decideLog(command) : FieldworkErrors.activityAlreadyLogged();
    if (state.status === 'NONE') return FieldworkErrors.activityNotFound();
    if (state.status === 'RETRACTED') return FieldworkErrors.activityRetracted();
    if (command.type === 'RetractActivity') {
      if (!command.reason.trim()) return FieldworkErrors.reasonRequired();
      return [{ type: 'ActivityRetracted', data: { retractedOn: command.today, reason: command.reason } }];
    }
    const figures = normaliseFigures(command.figures);
    if (figures instanceof DomainError) return figures;
    if (sameFigures(figures, state.figures)) return FieldworkErrors.figuresUnchanged();
    return [{ type: 'ActivityCorrected', data: { figures, correctedOn: command.today, reason: command.reason } }];
  },
};
