import type { DomainEvent } from '@cdtt/event-sourcing';
import type { ActivityOutcome, TaskCategory } from '../measures';
import type { LocalDate } from './training.events';

/**
 * What a team did in one task category during one activity: people and households guided, visits
 * (lượt) made, and the outcomes counted. Every outcome key is present (0 when none).
 */
export interface CategoryFigures {
  readonly category: TaskCategory;
  readonly peopleGuided: number;
  readonly householdsGuided: number;
  readonly visits: number;
  readonly outcomes: Readonly<Record<ActivityOutcome, number>>;
}

/**
 * A field activity of a team in a village on a day. The team's commune and province (as known when
 * logged) are part of the fact, so figures roll up without re-deriving them.
 */
export interface ActivityLoggedData {
  readonly activityId: string;
  readonly teamId: string;
  readonly communeCode: string;
  readonly provinceCode: string | null;
  readonly villageId: string;
  readonly date: LocalDate;
  readonly participantIds: readonly string[];
  readonly figures: readonly CategoryFigures[];
}

/** New figures replace the current ones for every count; the earlier figures stay in the stream. */
export interface ActivityCorrectedData {
  readonly figures: readonly CategoryFigures[];
  readonly correctedOn: LocalDate;
  readonly reason: string | null;
}

/** The activity should not count (logged in error, duplicate); it stays listed, flagged. */
export interface ActivityRetractedData {
  readonly retractedOn: LocalDate;
  readonly reason: string;
}

export type ActivityLogged = DomainEvent<'ActivityLogged', ActivityLoggedData>;
export type ActivityCorrected = DomainEvent<'ActivityCorrected', ActivityCorrectedData>;
export type ActivityRetracted = DomainEvent<'ActivityRetracted', ActivityRetractedData>;
export type ActivityEvent = ActivityLogged | ActivityCorrected | ActivityRetracted;

/** Names are forever once shipped. */
export const ACTIVITY_EVENT_TYPES = ['ActivityLogged', 'ActivityCorrected', 'ActivityRetracted'] as const satisfies readonly ActivityEvent['type'][];

export const activityStreamName = (activityId: string): string => `activity-${activityId}`;
