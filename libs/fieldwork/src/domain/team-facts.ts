import type { LocalDate } from './training.events';

/**
 * What a field-work command needs to know of a team on the command's date, looked up by the
 * application layer (from the team's own stream) so deciders stay pure. `found` is false for an
 * unknown team and for one outside the caller's provinces alike.
 */
export interface TeamFacts {
  readonly found: boolean;
  readonly communeCode: string;
  /**
   * The communes the team belonged to before `communeCode` and left by following their succession
   * (`TeamReattached`, ADR 0012) on or before the date. Their villages passed with them: a village
   * registered in one of them is in the team's commune unless it was moved elsewhere since.
   */
  readonly succeededCommunes: ReadonlySet<string>;
  readonly provinceCode: string | null;
  /** Established on or before the date and not dissolved on or before it. */
  readonly activeOnDate: boolean;
  /** Persons with a membership in force on the date. */
  readonly membersOnDate: ReadonlySet<string>;
  /** The person leading the team on the date, if any. */
  readonly leaderOnDate: string | null;
}

/** A village as geography knows it; `found` false when unknown or outside the caller's provinces. */
export interface VillageFacts {
  readonly found: boolean;
  readonly communeCode: string;
  /** Registered on or before the date and not retired on or before it. */
  readonly activeOnDate: boolean;
}

/** Checks shared by activities and meetings: the team is there, active, and the day is not ahead. */
export function checkTeamOnDate(team: TeamFacts, date: LocalDate, today: LocalDate): 'TEAM_NOT_FOUND' | 'TEAM_NOT_ACTIVE' | 'DATE_IN_FUTURE' | null {
  if (!team.found) return 'TEAM_NOT_FOUND';
  if (date > today) return 'DATE_IN_FUTURE';
  if (!team.activeOnDate) return 'TEAM_NOT_ACTIVE';
  return null;
}
