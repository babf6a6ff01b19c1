import { DomainError } from '@cdtt/event-sourcing';
import type { ScheduleTraining, TrainingCommand } from './training.commands';
import { trainingDecider, type TrainingState } from './training.decider';
import type { TrainingEvent } from './training.events';

const schedule: ScheduleTraining = {
  type: 'ScheduleTraining',
  trainingId: 't-1',
  title: 'Dịch vụ công trực tuyến',
  organiserKind: 'YOUTH_UNION',
  organiserName: 'Tỉnh đoàn',
  level: 'COMMUNE',
  mode: 'IN_PERSON',
  heldOn: '2025-09-10',
  provinceCode: null,
  communeCode: '00004',
  topics: ['ONLINE_PUBLIC_SERVICES', 'VNEID'],
  unit: { inForce: true, provinceCode: '01' },
};
const registered = (...ids: string[]) => new Map(ids.map((id) => [id, 'REGISTERED' as const]));

/** given events, when command: the events or the error code. */
function when(given: readonly TrainingEvent[], command: TrainingCommand): readonly TrainingEvent[] | string {
  const state = given.reduce<TrainingState>((s, e) => trainingDecider.evolve(s, e), trainingDecider.initialState);
  const result = trainingDecider.decide(command, state);
  return result instanceof DomainError ? result.code : result;
}

const scheduled = when([], schedule) as TrainingEvent[];
const attend = (ids: string[], today = '2025-09-10'): TrainingCommand => ({ type: 'RecordTrainingAttendance', personIds: ids, today, persons: registered('p1', 'p2') });
const attended = [...scheduled, ...(when(scheduled, attend(['p1'])) as TrainingEvent[])];

describe('training decider', () => {
  it('schedules a commune session with the commune province of that day', () => {
    expect(scheduled).toEqual([{ type: 'TrainingScheduled', data: expect.objectContaining({ provinceCode: '01', communeCode: '00004', level: 'COMMUNE' }) as object }]);
  });

  it('refuses a schedule that names the wrong unit for its level, or no topics', () => {
    expect(when([], { ...schedule, provinceCode: '01' })).toBe('TRAINING_UNIT_MISMATCH');
    expect(when([], { ...schedule, level: 'NATIONAL' })).toBe('TRAINING_UNIT_MISMATCH');
    expect(when([], { ...schedule, unit: { inForce: false, provinceCode: null } })).toBe('COMMUNE_NOT_IN_FORCE');
    expect(when([], { ...schedule, level: 'PROVINCE', communeCode: null, provinceCode: '01', unit: { inForce: false, provinceCode: null } })).toBe('PROVINCE_NOT_IN_FORCE');
    expect(when([], { ...schedule, topics: [] })).toBe('TOPICS_REQUIRED');
    expect(when([], { ...schedule, topics: ['VNEID', 'VNEID'] })).toBe('DUPLICATE_TOPIC');
    expect(when([], { ...schedule, organiserName: ' ' })).toBe('ORGANISER_NAME_REQUIRED');
    expect(when([], { ...schedule, title: '' })).toBe('TRAINING_TITLE_REQUIRED');
    expect(when(scheduled, schedule)).toBe('TRAINING_ALREADY_SCHEDULED');
  });

  it('records attendance on or after the session day, once per person, of known persons only', () => {
    expect(when(scheduled, attend(['p1'], '2025-09-09'))).toBe('TRAINING_NOT_YET_HELD');
    expect(when(scheduled, attend([]))).toBe('ATTENDEES_REQUIRED');
    expect(when(scheduled, attend(['p1', 'p1']))).toBe('DUPLICATE_ATTENDEE');
    expect(when(scheduled, attend(['p9']))).toBe('PERSON_NOT_FOUND');
    const forgotten: TrainingCommand = { type: 'RecordTrainingAttendance', personIds: ['p3'], today: '2025-09-10', persons: new Map([['p3', 'FORGOTTEN']]) };
    expect(when(scheduled, forgotten)).toBe('PERSON_FORGOTTEN');
    expect(when(attended, attend(['p2', 'p1']))).toBe('ATTENDANCE_ALREADY_RECORDED');
    expect(when(attended, attend(['p2']))).toEqual([{ type: 'TrainingAttendanceRecorded', data: { personIds: ['p2'], recordedOn: '2025-09-10' } }]);
  });

  it('completes a held session with attendees; completion and cancellation are final', () => {
    expect(when(scheduled, { type: 'CompleteTraining', today: '2025-09-10' })).toBe('TRAINING_WITHOUT_ATTENDANCE');
    expect(when(attended, { type: 'CompleteTraining', today: '2025-09-09' })).toBe('TRAINING_NOT_YET_HELD');
    const completed = [...attended, ...(when(attended, { type: 'CompleteTraining', today: '2025-09-11' }) as TrainingEvent[])];
    expect(completed.at(-1)).toEqual({ type: 'TrainingCompleted', data: { completedOn: '2025-09-11' } });
    expect(when(completed, { type: 'CompleteTraining', today: '2025-09-12' })).toBe('TRAINING_ALREADY_COMPLETED');
    expect(when(completed, { type: 'CancelTraining', today: '2025-09-12', reason: 'x' })).toBe('TRAINING_ALREADY_COMPLETED');
    expect(when(completed, attend(['p2']))).toHaveLength(1);
    const cancelled = [...scheduled, ...(when(scheduled, { type: 'CancelTraining', today: '2025-09-01', reason: 'Bão' }) as TrainingEvent[])];
    expect(when(scheduled, { type: 'CancelTraining', today: '2025-09-01', reason: ' ' })).toBe('REASON_REQUIRED');
    expect(when(cancelled, attend(['p1']))).toBe('TRAINING_CANCELLED');
    expect(when(cancelled, { type: 'CompleteTraining', today: '2025-09-11' })).toBe('TRAINING_CANCELLED');
    expect(when([], { type: 'CompleteTraining', today: '2025-09-11' })).toBe('TRAINING_NOT_FOUND');
  });
});
