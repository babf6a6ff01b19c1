import type { RegisterVillage } from '@cdtt/geography';
import type { ActivityCommand, ReportCommand, TrainingCommand } from './domain-commands';
import type { TeamCommand } from '@cdtt/teams';

/** The plain personal fields, sealed only when the plan is written (the vault owns the keys). */
export interface PlannedPersonalFields {
  readonly fullName: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
}

export interface PlannedPerson {
  readonly personId: string;
  readonly fields: PlannedPersonalFields;
  readonly youthUnionSince: string | null;
  readonly youthUnionUntil: string | null;
  /** The date of the person's first join: registration happens on the way (addTeamMember). */
  readonly registeredOn: string;
}

/** One command of a stream with the civil date that dates its events (`effectiveAt`). */
export interface DatedCommand<C> {
  readonly command: C;
  readonly date: string;
}

/** Where and when a team logs field days: its village, its first leader, while it is active. */
export interface TeamActivitySite {
  readonly teamId: string;
  readonly villageId: string;
  readonly communeCode: string;
  readonly provinceCode: string;
  readonly participantId: string;
  readonly from: string;
  /** The last day the team is active (the eve of its dissolution, or the data set's today). */
  readonly until: string;
}

export interface PlannedTeam {
  readonly teamId: string;
  readonly commands: readonly DatedCommand<TeamCommand>[];
  readonly activitySite: TeamActivitySite;
}

export interface PlannedActivity {
  readonly activityId: string;
  readonly commands: readonly DatedCommand<ActivityCommand>[];
}

export interface PlannedTraining {
  readonly trainingId: string;
  readonly commands: readonly DatedCommand<TrainingCommand>[];
}

export interface PlannedReport {
  readonly reportId: string;
  readonly commands: readonly DatedCommand<ReportCommand>[];
}

/**
 * Everything one post-2025 commune contributes, in write order: villages before the teams that
 * serve them, people before the teams they join (as the API does it).
 */
export interface CommunePlan {
  readonly communeCode: string;
  readonly villages: readonly DatedCommand<RegisterVillage>[];
  readonly persons: readonly PlannedPerson[];
  readonly teams: readonly PlannedTeam[];
  /** Field days of the teams, written after them. */
  readonly activities: readonly PlannedActivity[];
  /** Training sessions of the commune (and of the communes it was formed from), with attendance. */
  readonly trainings: readonly PlannedTraining[];
  /** Its yearly reports, written last. */
  readonly reports: readonly PlannedReport[];
}
