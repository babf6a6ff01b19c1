import type { DomainEvent } from '@cdtt/event-sourcing';
import type { TaskCategory } from '../measures';

/** A civil date in Vietnam, `YYYY-MM-DD`; compares correctly as a string. */
export type LocalDate = string;

export const ORGANISER_KINDS = ['MINISTRY_OR_DEPARTMENT', 'YOUTH_UNION', 'ENTERPRISE'] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];
export const TRAINING_LEVELS = ['NATIONAL', 'PROVINCE', 'COMMUNE'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const TRAINING_MODES = ['IN_PERSON', 'ONLINE', 'MOOC'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/**
 * A training session (bồi dưỡng, tập huấn). It belongs to the unit that holds it: the nation
 * (no codes), a province (its code) or a commune (its code and the commune's province then), which
 * is what portals are scoped by.
 */
export interface TrainingScheduledData {
  readonly trainingId: string;
  readonly title: string;
  readonly organiserKind: OrganiserKind;
  readonly organiserName: string;
  readonly level: TrainingLevel;
  readonly mode: TrainingMode;
  readonly heldOn: LocalDate;
  readonly provinceCode: string | null;
  readonly communeCode: string | null;
  readonly topics: readonly TaskCategory[];
}

export interface TrainingAttendanceRecordedData {
  /** Persons (stream `person-<uuid>`) newly recorded as attending; never a person already recorded. */
  readonly personIds: readonly string[];
  readonly recordedOn: LocalDate;
}

export interface TrainingCompletedData {
  readonly completedOn: LocalDate;
}

export interface TrainingCancelledData {
  readonly cancelledOn: LocalDate;
  readonly reason: string;
}

export type TrainingScheduled = DomainEvent<'TrainingScheduled', TrainingScheduledData>;
export type TrainingAttendanceRecorded = DomainEvent<'TrainingAttendanceRecorded', TrainingAttendanceRecordedData>;
export type TrainingCompleted = DomainEvent<'TrainingCompleted', TrainingCompletedData>;
export type TrainingCancelled = DomainEvent<'TrainingCancelled', TrainingCancelledData>;
export type TrainingEvent = TrainingScheduled | TrainingAttendanceRecorded | TrainingCompleted | TrainingCancelled;

/** Names are forever once shipped. */
export const TRAINING_EVENT_TYPES = [
  'TrainingScheduled',
  'TrainingAttendanceRecorded',
  'TrainingCompleted',
  'TrainingCancelled',
] as const satisfies readonly TrainingEvent['type'][];

export const trainingStreamName = (trainingId: string): string => `training-${trainingId}`;
