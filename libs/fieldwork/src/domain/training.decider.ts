import type { Decider, DomainError } from '@cdtt/event-sourcing';
import { TASK_CATEGORIES } from '../measures';
import { FieldworkErrors } from './fieldwork.errors';
import type { RecordTrainingAttendance, ScheduleTraining, TrainingCommand } from './training.commands';
import type { LocalDate, TrainingEvent } from './training.events';

export interface TrainingState {
  readonly status: 'NONE' | 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
  readonly heldOn: LocalDate;
  readonly level: ScheduleTraining['level'];
  readonly attendees: ReadonlySet<string>;
}

export const initialTrainingState: TrainingState = { status: 'NONE', heldOn: '', level: 'NATIONAL', attendees: new Set() };

const categories = new Set<string>(TASK_CATEGORIES);

function checkSchedule(command: ScheduleTraining): DomainError | null {
  if (!command.title.trim()) return FieldworkErrors.titleRequired();
  if (!command.organiserName.trim()) return FieldworkErrors.organiserNameRequired();
  if (command.topics.length === 0 || command.topics.some((topic) => !categories.has(topic))) return FieldworkErrors.topicsRequired();
  if (new Set(command.topics).size !== command.topics.length) return FieldworkErrors.duplicateTopic();
  const { level, provinceCode, communeCode } = command;
  const shapeOk =
    level === 'NATIONAL' ? provinceCode === null && communeCode === null : level === 'PROVINCE' ? provinceCode !== null && communeCode === null : communeCode !== null && provinceCode === null;
  if (!shapeOk) return FieldworkErrors.trainingUnitMismatch(level);
  if (level !== 'NATIONAL' && !command.unit.inForce) {
    return FieldworkErrors.unitNotInForce(level === 'PROVINCE' ? 'provinceCode' : 'communeCode', command.heldOn);
  }
  return null;
}

function decideAttendance(command: RecordTrainingAttendance, state: TrainingState): readonly TrainingEvent[] | DomainError {
  if (command.today < state.heldOn) return FieldworkErrors.trainingNotYetHeld(state.heldOn);
  if (command.personIds.length === 0) return FieldworkErrors.attendeesRequired();
  if (new Set(command.personIds).size !== command.personIds.length) return FieldworkErrors.duplicateAttendee();
  for (const personId of command.personIds) {
    const status = command.persons.get(personId) ?? 'NONE';
    if (status === 'NONE') return FieldworkErrors.personNotFound(personId);
    if (status === 'FORGOTTEN') return FieldworkErrors.personForgotten(personId);
    if (state.attendees.has(personId)) return FieldworkErrors.attendanceAlreadyRecorded(personId);
  }
  return [{ type: 'TrainingAttendanceRecorded', data: { personIds: command.personIds, recordedOn: command.today } }];
}

function decideOnExisting(command: Exclude<TrainingCommand, ScheduleTraining>, state: TrainingState): readonly TrainingEvent[] | DomainError {
  if (state.status === 'NONE') return FieldworkErrors.trainingNotFound();
  if (state.status === 'CANCELLED') return FieldworkErrors.trainingCancelled();
  switch (command.type) {
    case 'RecordTrainingAttendance':
      // Attendance may still be added after completion (late paperwork); a cancelled session had none.
      return decideAttendance(command, state);
    case 'CompleteTraining':
      if (state.status === 'COMPLETED') return FieldworkErrors.trainingCompleted();
      if (command.today < state.heldOn) return FieldworkErrors.trainingNotYetHeld(state.heldOn);
      if (state.attendees.size === 0) return FieldworkErrors.trainingWithoutAttendance();
      return [{ type: 'TrainingCompleted', data: { completedOn: command.today } }];
    case 'CancelTraining':
      // A completed session happened: cancelling it would rewrite history (rule 7).
      if (state.status === 'COMPLETED') return FieldworkErrors.trainingCompleted();
      if (!command.reason.trim()) return FieldworkErrors.reasonRequired();
      return [{ type: 'TrainingCancelled', data: { cancelledOn: command.today, reason: command.reason } }];
  }
}

export function evolveTraining(state: TrainingState, event: TrainingEvent): TrainingState {
  switch (event.type) {
    case 'TrainingScheduled':
      return { ...state, status: 'SCHEDULED', heldOn: event.data.heldOn, level: event.data.level };
    case 'TrainingAttendanceRecorded':
      return { ...state, attendees: new Set([...state.attendees, ...event.data.personIds]) };
    case 'TrainingCompleted':
      return { ...state, status: 'COMPLETED' };
    case 'TrainingCancelled':
      return { ...state, status: 'CANCELLED' };
  }
}

/**
 * A training session (stream `training-<uuid>`): scheduled → attendance recorded (on or after the
 * session day) → completed (held, with at least one attendee), or cancelled while not completed.
 * Completed and cancelled are final; only late attendance may still be added to a completed one.
 */
export const trainingDecider: Decider<TrainingCommand, TrainingState, TrainingEvent> = {
  initialState: initialTrainingState,
  evolve: evolveTraining,
  decide(command: TrainingCommand, state: TrainingState): readonly TrainingEvent[] | DomainError {
    if (command.type !== 'ScheduleTraining') return decideOnExisting(command, state);
    if (state.status !== 'NONE') return FieldworkErrors.trainingAlreadyScheduled();
    const invalid = checkSchedule(command);
    if (invalid) return invalid;
    const { trainingId, title, organiserKind, organiserName, level, mode, heldOn, communeCode, topics } = command;
    // A commune session carries the commune's province then, so scoping never needs a lookup later.
    const provinceCode = level === 'COMMUNE' ? command.unit.provinceCode : command.provinceCode;
    return [
      { type: 'TrainingScheduled', data: { trainingId, title, organiserKind, organiserName, level, mode, heldOn, provinceCode, communeCode, topics } },
    ];
  },
};
