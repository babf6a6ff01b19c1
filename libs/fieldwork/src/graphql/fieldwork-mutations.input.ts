import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IdempotentInput, IsLocalDate, IsNfc } from '@cdtt/platform';
import { OrganiserKindEnum, TaskCategoryEnum, TrainingLevelEnum, TrainingModeEnum } from './fieldwork.enums';

const Text = (max: number, description: string, nullable = false): PropertyDecorator => {
  const decorators = [Field(() => String, { nullable, description }), ...(nullable ? [IsOptional()] : []), IsString(), MinLength(1), MaxLength(max), IsNfc()];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

const Ids = (max: number, description: string): PropertyDecorator => {
  const decorators = [Field(() => [ID], { description }), IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(400, { each: true })];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

const Count = (description: string, optional = false): PropertyDecorator => {
  const decorators = [Field(() => Int, { description, nullable: optional }), ...(optional ? [IsOptional()] : []), IsInt(), Min(0), Max(999_999)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

const Version = (): PropertyDecorator => {
  const decorators = [Field(() => Int, { nullable: true, description: 'The version the client saw; VERSION_CONFLICT when it moved on.' }), IsOptional(), IsInt(), Min(0)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

@InputType('ScheduleTrainingInput', { description: 'NATIONAL: no codes (ADMIN only); PROVINCE: provinceCode; COMMUNE: communeCode.' })
export class ScheduleTrainingInput extends IdempotentInput {
  @Text(200, 'Title, 1 to 200 characters, NFC.')
  title!: string;

  @Field(() => OrganiserKindEnum)
  @IsEnum(OrganiserKindEnum)
  organiserKind!: OrganiserKindEnum;

  @Text(200, 'Organiser, e.g. Sở KH&CN Hà Nội; 1 to 200 characters, NFC.')
  organiserName!: string;

  @Field(() => TrainingLevelEnum)
  @IsEnum(TrainingLevelEnum)
  level!: TrainingLevelEnum;

  @Field(() => TrainingModeEnum)
  @IsEnum(TrainingModeEnum)
  mode!: TrainingModeEnum;

  @Field({ description: 'Day of the session (YYYY-MM-DD).' })
  @IsLocalDate()
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'Province (2 digits) of a PROVINCE session.' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Commune (5 digits) of a COMMUNE session.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode?: string | null;

  @Field(() => [TaskCategoryEnum], { description: 'Topics covered, at least one.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(TaskCategoryEnum, { each: true })
  topics!: TaskCategoryEnum[];
}

@InputType({ isAbstract: true })
export abstract class ExistingTrainingInput extends IdempotentInput {
  @Field(() => ID, { description: 'Global id of the session.' })
  @IsString()
  @MaxLength(400)
  trainingId!: string;

  @Version()
  expectedVersion?: number | null;
}

@InputType('RecordTrainingAttendanceInput', { description: 'On or after the session day; each person once.' })
export class RecordTrainingAttendanceInput extends ExistingTrainingInput {
  @Ids(200, 'Global ids of the persons who attended; at most 200 per call.')
  personIds!: string[];
}

@InputType('CompleteTrainingInput')
export class CompleteTrainingInput extends ExistingTrainingInput {}

@InputType('CancelTrainingInput')
export class CancelTrainingInput extends ExistingTrainingInput {
  @Text(500, 'Why, 1 to 500 characters, NFC (no personal data).')
  reason!: string;
}

@InputType('CategoryFiguresInput', { description: 'What the activity did in one task category. Outcomes left out count 0.' })
export class CategoryFiguresInput {
  @Field(() => TaskCategoryEnum)
  @IsEnum(TaskCategoryEnum)
  category!: TaskCategoryEnum;

  @Count('Citizens guided.')
  peopleGuided!: number;

  @Count('Households guided (at most peopleGuided).')
  householdsGuided!: number;

  @Count('Visits (lượt) made.')
  visits!: number;

  @Count('Accounts created (VNeID activations, provincial citizen apps…).', true)
  accountsCreated?: number | null;

  @Count('Online public-service dossiers filed with help.', true)
  publicServiceDossiersFiled?: number | null;

  @Count('Sellers onboarded to e-commerce platforms.', true)
  sellersOnboarded?: number | null;

  @Count('E-payment accounts opened.', true)
  epaymentAccountsOpened?: number | null;
}

const Figures = (): PropertyDecorator => {
  const decorators = [Field(() => [CategoryFiguresInput]), IsArray(), ArrayMaxSize(20), ValidateNested({ each: true }), Type(() => CategoryFiguresInput)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

@InputType('LogActivityInput')
export class LogActivityInput extends IdempotentInput {
  @Field(() => ID, { description: 'Global id of the team.' })
  @IsString()
  @MaxLength(400)
  teamId!: string;

  @Field(() => ID, { description: "Global id of a village of the team's commune." })
  @IsString()
  @MaxLength(400)
  villageId!: string;

  @Field({ description: 'Day of the activity (YYYY-MM-DD), not after today.' })
  @IsLocalDate()
  date!: string;

  @Ids(50, 'Global ids of the team members who took part (members on that day).')
  participantIds!: string[];

  @Figures()
  figures!: CategoryFiguresInput[];
}

@InputType('CorrectActivityInput', { description: 'New figures replace the current ones; the old ones stay in the history.' })
export class CorrectActivityInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  activityId!: string;

  @Version()
  expectedVersion?: number | null;

  @Figures()
  figures!: CategoryFiguresInput[];

  @Text(500, 'Why, 1 to 500 characters, NFC.', true)
  reason?: string | null;
}

@InputType('RetractActivityInput', { description: 'The activity stays listed, flagged RETRACTED, and counts only in activitiesRetracted.' })
export class RetractActivityInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  activityId!: string;

  @Version()
  expectedVersion?: number | null;

  @Text(500, 'Why, 1 to 500 characters, NFC.')
  reason!: string;
}

const Texts = (description: string): PropertyDecorator => {
  const decorators = [Field(() => [String], { description }), IsArray(), ArrayMaxSize(50), IsString({ each: true }), MinLength(1, { each: true }), MaxLength(1000, { each: true }), IsNfc({ each: true })];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

@InputType('RecordMeetingInput', { description: "A team meeting convened by the team's leader of that day." })
export class RecordMeetingInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  teamId!: string;

  @Field({ description: 'Day of the meeting (YYYY-MM-DD), not after today.' })
  @IsLocalDate()
  date!: string;

  @Ids(50, 'Global ids of the members who attended.')
  attendeeIds!: string[];

  @Texts('Decisions taken, each 1 to 1,000 characters, NFC; at most 50.')
  decisions!: string[];

  @Texts('Initiatives proposed to the commune Youth Union, each 1 to 1,000 characters; at most 50.')
  initiatives!: string[];
}
