import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, NodeInterface, toGlobalId } from '@cdtt/platform';
import type { TrainingRow } from '../read-models/fieldwork.rows';
import { OrganiserKindEnum, TaskCategoryEnum, TrainingLevelEnum, TrainingModeEnum, TrainingStatusEnum } from './fieldwork.enums';

@ObjectType('Training', { implements: () => [NodeInterface], description: 'A training session (bồi dưỡng, tập huấn) and its attendance.' })
export class TrainingType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  /** The uuid, for field resolvers; not exposed. */
  localId!: string;

  @Field()
  title!: string;

  @Field(() => OrganiserKindEnum)
  organiserKind!: OrganiserKindEnum;

  @Field()
  organiserName!: string;

  @Field(() => TrainingLevelEnum)
  level!: TrainingLevelEnum;

  @Field(() => TrainingModeEnum)
  mode!: TrainingModeEnum;

  @Field({ description: 'Day of the session (YYYY-MM-DD).' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'Province holding the session (a commune session: its commune’s province then); null for NATIONAL.' })
  provinceCode!: string | null;

  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Field(() => [TaskCategoryEnum])
  topics!: TaskCategoryEnum[];

  @Field(() => TrainingStatusEnum)
  status!: TrainingStatusEnum;

  @Field(() => String, { nullable: true })
  completedOn!: string | null;

  @Field(() => String, { nullable: true })
  cancelledOn!: string | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field(() => Int)
  attendeeCount!: number;

  @Field(() => Int, { description: 'Revision of the session: pass it as expectedVersion to change it.' })
  version!: number;

  static of(row: TrainingRow): TrainingType {
    return Object.assign(new TrainingType(), {
      id: toGlobalId('Training', row.id),
      localId: row.id,
      title: row.title,
      organiserKind: row.organiser_kind as OrganiserKindEnum,
      organiserName: row.organiser_name,
      level: row.level as TrainingLevelEnum,
      mode: row.mode as TrainingModeEnum,
      heldOn: row.held_on,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      topics: row.topics as TaskCategoryEnum[],
      status: row.status as TrainingStatusEnum,
      completedOn: row.completed_on,
      cancelledOn: row.cancelled_on,
      cancelReason: row.cancel_reason,
      attendeeCount: row.attendee_count,
      version: row.version,
    });
  }
}

@ObjectType('TrainingConnection')
export class TrainingConnection extends Connection(TrainingType, 'Training') {}
