import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { ActivityCommandService, type ActivityChange } from '../application/activity-commands.service';
import { refused, type CommandResult } from '../application/command-execution';
import type { FiguresInput } from '../domain/activity.commands';
import { FieldworkErrors } from '../domain/fieldwork.errors';
import { FieldworkReadService } from '../read-models/fieldwork-read.service';
import { CorrectActivityInput, LogActivityInput, RecordMeetingInput, RetractActivityInput, type CategoryFiguresInput } from './fieldwork-mutations.input';
import { FieldworkMutationSupport, localIdOf, personIdsOf } from './fieldwork-mutation.support';
import { CorrectActivityPayload, LogActivityPayload, RecordMeetingPayload, RetractActivityPayload, type ActivityPayload } from './fieldwork.payloads';
import { ActivityType, MeetingType } from './fieldwork.types';

const UNKNOWN = '00000000-0000-0000-0000-000000000000';

function figuresOf(inputs: readonly CategoryFiguresInput[]): FiguresInput[] {
  return inputs.map((f) => ({
    category: f.category,
    peopleGuided: f.peopleGuided,
    householdsGuided: f.householdsGuided,
    visits: f.visits,
    outcomes: {
      ACCOUNTS_CREATED: f.accountsCreated ?? 0,
      PUBLIC_SERVICE_DOSSIERS_FILED: f.publicServiceDossiersFiled ?? 0,
      SELLERS_ONBOARDED: f.sellersOnboarded ?? 0,
      EPAYMENT_ACCOUNTS_OPENED: f.epaymentAccountsOpened ?? 0,
    },
  }));
}

/** Field activities (log, correct, retract: rule 7) and team meetings. */
@Resolver()
export class ActivityMutationsResolver {
  constructor(
    @Inject(ActivityCommandService) private readonly activities: ActivityCommandService,
    @Inject(FieldworkReadService) private readonly reads: FieldworkReadService,
    @Inject(FieldworkMutationSupport) private readonly support: FieldworkMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => LogActivityPayload, { description: 'Logs what a team did in a village on a day, per task category.' })
  logActivity(@Args('input') input: LogActivityInput, @CurrentActor() actor: RequestActor): Promise<LogActivityPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'logActivity', input, actor }, async () => {
      // An id of the wrong kind reads as unknown: the decider answers TEAM_NOT_FOUND / VILLAGE_NOT_FOUND.
      const request = {
        teamId: localIdOf(input.teamId, 'Team') ?? UNKNOWN,
        villageId: localIdOf(input.villageId, 'Village') ?? UNKNOWN,
        date: input.date,
        participantIds: personIdsOf(input.participantIds),
        figures: figuresOf(input.figures),
      };
      return this.activityPayload(LogActivityPayload, await this.activities.log(request, this.support.caller(actor)));
    });
  }

  @Mutation(() => CorrectActivityPayload, { description: 'Records new figures for an activity as a new event; the old ones stay in its history.' })
  correctActivity(@Args('input') input: CorrectActivityInput, @CurrentActor() actor: RequestActor): Promise<CorrectActivityPayload> {
    return this.change('correctActivity', CorrectActivityPayload, input, actor, { type: 'CorrectActivity', figures: figuresOf(input.figures), reason: input.reason ?? null });
  }

  @Mutation(() => RetractActivityPayload, { description: 'Retracts an activity with a reason: it stays listed, flagged, and stops counting.' })
  retractActivity(@Args('input') input: RetractActivityInput, @CurrentActor() actor: RequestActor): Promise<RetractActivityPayload> {
    return this.change('retractActivity', RetractActivityPayload, input, actor, { type: 'RetractActivity', reason: input.reason });
  }

  @Mutation(() => RecordMeetingPayload, { description: "Records a team meeting convened by the team's leader of that day." })
  recordMeeting(@Args('input') input: RecordMeetingInput, @CurrentActor() actor: RequestActor): Promise<RecordMeetingPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'recordMeeting', input, actor }, async () => {
      const request = {
        teamId: localIdOf(input.teamId, 'Team') ?? UNKNOWN,
        date: input.date,
        attendeeIds: personIdsOf(input.attendeeIds),
        decisions: input.decisions,
        initiatives: input.initiatives,
      };
      const result = await this.activities.recordMeeting(request, this.support.caller(actor));
      return this.support.payload(RecordMeetingPayload, 'meeting', result, async (id) => {
        const row = await this.reads.findMeeting(id, ProvinceScope.UNRESTRICTED);
        return row ? MeetingType.of(row) : null;
      });
    });
  }

  private change<P extends ActivityPayload>(
    operation: string,
    type: new () => P,
    input: CorrectActivityInput | RetractActivityInput,
    actor: RequestActor,
    change: ActivityChange,
  ): Promise<P> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation, input, actor }, async () => {
      const activityId = localIdOf(input.activityId, 'Activity');
      const result: CommandResult = activityId
        ? await this.activities.change(activityId, change, this.support.caller(actor, input.expectedVersion))
        : refused(FieldworkErrors.activityNotFound());
      return this.activityPayload(type, result);
    });
  }

  private activityPayload<P extends ActivityPayload>(type: new () => P, result: CommandResult): Promise<P> {
    return this.support.payload(type, 'activity', result, async (id) => {
      const row = await this.reads.findActivity(id, ProvinceScope.UNRESTRICTED);
      return row ? ActivityType.of(row) : null;
    });
  }
}
