import type { Decider, DomainError } from '@cdtt/event-sourcing';
import { FieldworkErrors } from './fieldwork.errors';
import type { MeetingEvent } from './meeting.events';
import { checkTeamOnDate, type TeamFacts } from './team-facts';
import type { LocalDate } from './training.events';

export interface RecordMeeting {
  readonly type: 'RecordMeeting';
  readonly meetingId: string;
  readonly teamId: string;
  readonly date: LocalDate;
  readonly attendeeIds: readonly string[];
  readonly decisions: readonly string[];
  readonly initiatives: readonly string[];
  readonly today: LocalDate;
  readonly team: TeamFacts;
}

export interface MeetingState {
  readonly recorded: boolean;
}

const textOk = (entries: readonly string[]): boolean => entries.every((entry) => entry.trim().length > 0 && entry.length <= 1000);

function check(command: RecordMeeting): DomainError | null {
  const { team, date, today, attendeeIds } = command;
  const problem = checkTeamOnDate(team, date, today);
  if (problem === 'TEAM_NOT_FOUND') return FieldworkErrors.teamNotFound();
  if (problem === 'DATE_IN_FUTURE') return FieldworkErrors.dateInFuture(today);
  if (problem === 'TEAM_NOT_ACTIVE') return FieldworkErrors.teamNotActive(date);
  if (team.leaderOnDate === null) return FieldworkErrors.meetingWithoutLeader(date);
  if (attendeeIds.length === 0) return FieldworkErrors.meetingAttendeesRequired();
  if (new Set(attendeeIds).size !== attendeeIds.length) return FieldworkErrors.duplicateMeetingAttendee();
  const outsider = attendeeIds.find((id) => !team.membersOnDate.has(id));
  if (outsider !== undefined) return FieldworkErrors.attendeeNotMember(outsider, date);
  if (!textOk(command.decisions)) return FieldworkErrors.textInvalid('decisions');
  if (!textOk(command.initiatives)) return FieldworkErrors.textInvalid('initiatives');
  return null;
}

/**
 * A team meeting (stream `meeting-<uuid>`), recorded once: the leader on that day convened it and
 * every attendee was a member then. A meeting is a record of what happened, so it has no later
 * changes in this slice.
 */
export const meetingDecider: Decider<RecordMeeting, MeetingState, MeetingEvent> = {
  initialState: { recorded: false },
  evolve: () => ({ recorded: true }),
  decide(command: RecordMeeting, state: MeetingState): readonly MeetingEvent[] | DomainError {
    if (state.recorded) return FieldworkErrors.meetingAlreadyRecorded();
    const invalid = check(command);
    if (invalid) return invalid;
    const { meetingId, teamId, date, attendeeIds, decisions, initiatives, team } = command;
    const data = { meetingId, teamId, communeCode: team.communeCode, provinceCode: team.provinceCode, date, convenedBy: team.leaderOnDate ?? '', attendeeIds, decisions, initiatives };
    return [{ type: 'MeetingRecorded', data }];
  },
};
