import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserErrorType } from '@cdtt/platform';
import { ActivityType, MeetingType, TrainingType } from './fieldwork.types';

@ObjectType({ isAbstract: true })
export abstract class FieldworkPayload {
  @Field(() => Int, { nullable: true, description: 'Revision of the record after the change; null when refused.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType({ isAbstract: true })
export abstract class TrainingPayload extends FieldworkPayload {
  @Field(() => TrainingType, { nullable: true, description: 'The session after the change; null when refused.' })
  training!: TrainingType | null;
}

@ObjectType('ScheduleTrainingPayload')
export class ScheduleTrainingPayload extends TrainingPayload {}

@ObjectType('RecordTrainingAttendancePayload')
export class RecordTrainingAttendancePayload extends TrainingPayload {}

@ObjectType('CompleteTrainingPayload')
export class CompleteTrainingPayload extends TrainingPayload {}

@ObjectType('CancelTrainingPayload')
export class CancelTrainingPayload extends TrainingPayload {}

@ObjectType({ isAbstract: true })
export abstract class ActivityPayload extends FieldworkPayload {
  @Field(() => ActivityType, { nullable: true, description: 'The activity after the change; null when refused.' })
  activity!: ActivityType | null;
}

@ObjectType('LogActivityPayload')
export class LogActivityPayload extends ActivityPayload {}

@ObjectType('CorrectActivityPayload')
export class CorrectActivityPayload extends ActivityPayload {}

@ObjectType('RetractActivityPayload')
export class RetractActivityPayload extends ActivityPayload {}

@ObjectType('RecordMeetingPayload')
export class RecordMeetingPayload extends FieldworkPayload {
  @Field(() => MeetingType, { nullable: true })
  meeting!: MeetingType | null;
}
