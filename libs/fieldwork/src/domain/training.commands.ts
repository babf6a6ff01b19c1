import type { TaskCategory } from '../measures';
import type { LocalDate, OrganiserKind, TrainingLevel, TrainingMode } from './training.events';

/** Whether a person can be recorded: looked up by the application layer, so the decider stays pure. */
export type PersonStatus = 'NONE' | 'REGISTERED' | 'FORGOTTEN';

export interface ScheduleTraining {
  readonly type: 'ScheduleTraining';
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
  /**
   * The unit named by the codes, as geography knows it on `heldOn` (and visible to the caller):
   * in force or not, and the province a commune belonged to then.
   */
  readonly unit: { readonly inForce: boolean; readonly provinceCode: string | null };
}

export interface RecordTrainingAttendance {
  readonly type: 'RecordTrainingAttendance';
  readonly personIds: readonly string[];
  readonly today: LocalDate;
  /** Status of each requested person; a missing id is unknown. */
  readonly persons: ReadonlyMap<string, PersonStatus>;
}

export interface CompleteTraining {
  readonly type: 'CompleteTraining';
  readonly today: LocalDate;
}

export interface CancelTraining {
  readonly type: 'CancelTraining';
  readonly today: LocalDate;
  readonly reason: string;
}

export type TrainingCommand = ScheduleTraining | RecordTrainingAttendance | CompleteTraining | CancelTraining;
