import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { codedError, connectionOf, CurrentActor, decodeCursor, isLocalDate, ProvinceScope, toGlobalId, type RequestActor } from '@cdtt/platform';
import { FieldworkReadService, type After } from '../read-models/fieldwork-read.service';
import type { FieldworkFilter } from '../read-models/fieldwork.rows';
import { localIdOf } from './fieldwork-mutation.support';
import { FieldworkListArgs, PersonTrainingRecordArgs, type FieldworkFilterInput } from './fieldwork-queries.input';
import { ActivityConnection, ActivityType, MeetingConnection, MeetingType, TrainingConnection, TrainingType } from './fieldwork.types';

const NO_MATCH = '00000000-0000-0000-0000-000000000000';

/** A cursor of the newest-first lists: [day, id]. */
function afterOf(cursor: string | null | undefined): After {
  if (!cursor) return null;
  const [day, id] = decodeCursor(cursor) ?? [];
  if (!isLocalDate(day) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
  return [day, id];
}

/** A team filter that is not a Team id matches nothing (rather than everything). */
function filterOf(input: FieldworkFilterInput | null | undefined): FieldworkFilter & { retracted?: boolean | null } {
  const filter = input ?? {};
  return { ...filter, teamId: filter.teamId ? (localIdOf(filter.teamId, 'Team') ?? NO_MATCH) : null };
}

const cursorOf = (row: { held_on: string; id: string }): string[] => [row.held_on, row.id];

/** Lists and lookups of sessions, activities and meetings, scoped in SQL by province. */
@Resolver(() => TrainingType)
export class FieldworkQueriesResolver {
  constructor(@Inject(FieldworkReadService) private readonly reads: FieldworkReadService) {}

  @Query(() => TrainingType, { nullable: true, description: 'A session by global id; null when there is none (or it is not visible).' })
  async training(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: RequestActor): Promise<TrainingType | null> {
    const local = localIdOf(id, 'Training');
    const row = local ? await this.reads.findTraining(local, ProvinceScope.of(actor)) : null;
    return row ? TrainingType.of(row) : null;
  }

  @Query(() => TrainingConnection, { description: 'Sessions by filter, newest first (day, then id).' })
  async trainings(@Args() args: FieldworkListArgs, @CurrentActor() actor: RequestActor): Promise<TrainingConnection> {
    const after = afterOf(args.after);
    const page = await this.reads.listTrainings(filterOf(args.filter), args.first + 1, after, ProvinceScope.of(actor));
    return connectionOf(page.rows, args.first, page.totalCount, (row) => TrainingType.of(row), cursorOf, after !== null);
  }

  @Query(() => TrainingConnection, { description: "A person's training record: the sessions they attended (visible to the caller), newest first." })
  async personTrainingRecord(@Args() args: PersonTrainingRecordArgs, @CurrentActor() actor: RequestActor): Promise<TrainingConnection> {
    const after = afterOf(args.after);
    const personId = localIdOf(args.personId, 'Person') ?? NO_MATCH;
    const page = await this.reads.listTrainings({ personId }, args.first + 1, after, ProvinceScope.of(actor));
    return connectionOf(page.rows, args.first, page.totalCount, (row) => TrainingType.of(row), cursorOf, after !== null);
  }

  @ResolveField(() => [ID], { description: 'Global ids of the persons recorded as attending, in recording order.' })
  async attendeeIds(@Parent() training: TrainingType): Promise<string[]> {
    // The parent was already read through the caller's scope.
    return (await this.reads.attendees(training.localId)).map((id) => toGlobalId('Person', id));
  }

  @Query(() => ActivityType, { nullable: true, description: 'An activity by global id; null when there is none (or it is not visible).' })
  async activity(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: RequestActor): Promise<ActivityType | null> {
    const local = localIdOf(id, 'Activity');
    const row = local ? await this.reads.findActivity(local, ProvinceScope.of(actor)) : null;
    return row ? ActivityType.of(row) : null;
  }

  @Query(() => ActivityConnection, { description: 'Activities by filter, newest first; retracted ones are listed, flagged, unless filtered out.' })
  async activities(@Args() args: FieldworkListArgs, @CurrentActor() actor: RequestActor): Promise<ActivityConnection> {
    const after = afterOf(args.after);
    const page = await this.reads.listActivities(filterOf(args.filter), args.first + 1, after, ProvinceScope.of(actor));
    return connectionOf(page.rows, args.first, page.totalCount, (row) => ActivityType.of(row), cursorOf, after !== null);
  }

  @Query(() => MeetingConnection, { description: 'Team meetings by filter, newest first.' })
  async meetings(@Args() args: FieldworkListArgs, @CurrentActor() actor: RequestActor): Promise<MeetingConnection> {
    const after = afterOf(args.after);
    const page = await this.reads.listMeetings(filterOf(args.filter), args.first + 1, after, ProvinceScope.of(actor));
    return connectionOf(page.rows, args.first, page.totalCount, (row) => MeetingType.of(row), cursorOf, after !== null);
  }
}
