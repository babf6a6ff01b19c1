import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { refused, type CommandResult } from '../application/command-execution';
import { TrainingCommandService, type TrainingChange } from '../application/training-commands.service';
import { FieldworkErrors } from '../domain/fieldwork.errors';
import { FieldworkReadService } from '../read-models/fieldwork-read.service';
import {
  CancelTrainingInput,
  CompleteTrainingInput,
  RecordTrainingAttendanceInput,
  ScheduleTrainingInput,
  type ExistingTrainingInput,
} from './fieldwork-mutations.input';
import { FieldworkMutationSupport, localIdOf, personIdsOf } from './fieldwork-mutation.support';
import {
  CancelTrainingPayload,
  CompleteTrainingPayload,
  RecordTrainingAttendancePayload,
  ScheduleTrainingPayload,
  type TrainingPayload,
} from './fieldwork.payloads';
import { TrainingType } from './fieldwork.types';

/** Training sessions: schedule, record attendance, complete, cancel (rules in docs/errors.md). */
@Resolver()
export class TrainingMutationsResolver {
  constructor(
    @Inject(TrainingCommandService) private readonly trainings: TrainingCommandService,
    @Inject(FieldworkReadService) private readonly reads: FieldworkReadService,
    @Inject(FieldworkMutationSupport) private readonly support: FieldworkMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => ScheduleTrainingPayload, { description: 'Schedules (or records) a training session of the nation, a province or a commune.' })
  scheduleTraining(@Args('input') input: ScheduleTrainingInput, @CurrentActor() actor: RequestActor): Promise<ScheduleTrainingPayload> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed.
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'scheduleTraining', input, actor }, async () => {
      const { title, organiserKind, organiserName, level, mode, heldOn, topics } = input;
      const request = { title, organiserKind, organiserName, level, mode, heldOn, topics, provinceCode: input.provinceCode ?? null, communeCode: input.communeCode ?? null };
      return this.payload(ScheduleTrainingPayload, await this.trainings.schedule(request, this.support.caller(actor)));
    });
  }

  @Mutation(() => RecordTrainingAttendancePayload, { description: 'Records who attended, on or after the session day; not for a cancelled session.' })
  recordTrainingAttendance(@Args('input') input: RecordTrainingAttendanceInput, @CurrentActor() actor: RequestActor): Promise<RecordTrainingAttendancePayload> {
    return this.change('recordTrainingAttendance', RecordTrainingAttendancePayload, input, actor, { type: 'RecordTrainingAttendance', personIds: personIdsOf(input.personIds) });
  }

  @Mutation(() => CompleteTrainingPayload, { description: 'The session was held (on or after its day, with attendance): it now counts in figures.' })
  completeTraining(@Args('input') input: CompleteTrainingInput, @CurrentActor() actor: RequestActor): Promise<CompleteTrainingPayload> {
    return this.change('completeTraining', CompleteTrainingPayload, input, actor, { type: 'CompleteTraining' });
  }

  @Mutation(() => CancelTrainingPayload, { description: 'Cancels a session that is not completed.' })
  cancelTraining(@Args('input') input: CancelTrainingInput, @CurrentActor() actor: RequestActor): Promise<CancelTrainingPayload> {
    return this.change('cancelTraining', CancelTrainingPayload, input, actor, { type: 'CancelTraining', reason: input.reason });
  }

  private change<P extends TrainingPayload>(operation: string, type: new () => P, input: ExistingTrainingInput, actor: RequestActor, change: TrainingChange): Promise<P> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation, input, actor }, async () => {
      const trainingId = localIdOf(input.trainingId, 'Training');
      const result: CommandResult = trainingId
        ? await this.trainings.change(trainingId, change, this.support.caller(actor, input.expectedVersion))
        : refused(FieldworkErrors.trainingNotFound());
      return this.payload(type, result);
    });
  }

  private payload<P extends TrainingPayload>(type: new () => P, result: CommandResult): Promise<P> {
    return this.support.payload(type, 'training', result, async (id) => {
      const row = await this.reads.findTraining(id, ProvinceScope.UNRESTRICTED);
      return row ? TrainingType.of(row) : null;
    });
  }
}
