import type { EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { NEW_STREAM } from '@cdtt/platform';
import type { TaskCategory } from '../measures';
import { FieldworkErrors } from '../domain/fieldwork.errors';
import type { TrainingCommand } from '../domain/training.commands';
import { trainingDecider } from '../domain/training.decider';
import { trainingStreamName, type OrganiserKind, type TrainingLevel, type TrainingMode, type TrainingScheduledData } from '../domain/training.events';
import { execute, refused, type Caller, type CommandResult } from './command-execution';
import type { FieldworkFacts } from './fieldwork.ports';
import { checkExisting } from './scoped-stream';

export interface ScheduleTrainingRequest {
  readonly title: string;
  readonly organiserKind: OrganiserKind;
  readonly organiserName: string;
  readonly level: TrainingLevel;
  readonly mode: TrainingMode;
  readonly heldOn: string;
  readonly provinceCode: string | null;
  readonly communeCode: string | null;
  readonly topics: readonly TaskCategory[];
}

export type TrainingChange =
  | { readonly type: 'RecordTrainingAttendance'; readonly personIds: readonly string[] }
  | { readonly type: 'CompleteTraining' }
  | { readonly type: 'CancelTraining'; readonly reason: string };

/** Training sessions: scope checks and facts, then the pure decider. */
export class TrainingCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly facts: FieldworkFacts,
  ) {}

  async schedule(request: ScheduleTrainingRequest, caller: Caller): Promise<CommandResult> {
    caller.scope.assertCanWrite();
    if (request.level === 'NATIONAL' && caller.scope.restricted) return refused(FieldworkErrors.nationalTrainingAdminOnly());
    const trainingId = this.ids.next();
    const { level, provinceCode, communeCode, heldOn } = request;
    // A unit outside the caller's provinces is decided as one not in force: nothing leaks.
    const code = level === 'PROVINCE' ? provinceCode : level === 'COMMUNE' ? communeCode : null;
    const unit = level !== 'NATIONAL' && code !== null ? await this.facts.unit(level, code, heldOn, caller.scope) : { inForce: true, provinceCode: null };
    const command: TrainingCommand = { type: 'ScheduleTraining', trainingId, ...request, unit };
    const stream = { id: trainingId, name: trainingStreamName(trainingId) };
    return execute(this.store, this.ids, trainingDecider, stream, command, heldOn, { ...caller, expectedVersion: null }, NEW_STREAM);
  }

  async change(trainingId: string, change: TrainingChange, caller: Caller): Promise<CommandResult> {
    const stream = { id: trainingId, name: trainingStreamName(trainingId) };
    const provinceOf = (first: { data: unknown }): string | null => (first.data as TrainingScheduledData).provinceCode;
    const rejected = await checkExisting(this.store, stream.name, caller, FieldworkErrors.trainingNotFound, provinceOf, FieldworkErrors.nationalTrainingAdminOnly);
    if (rejected) return refused(rejected);
    const today = caller.today;
    const command: TrainingCommand =
      change.type === 'RecordTrainingAttendance'
        ? { ...change, today, persons: await this.facts.persons(change.personIds, caller.scope) }
        : { ...change, today };
    return execute(this.store, this.ids, trainingDecider, stream, command, today, caller);
  }
}
