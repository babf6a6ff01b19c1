import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLocalDate, IsNfc } from '@cdtt/platform';
import { IdempotentInput } from '@cdtt/platform';
import { DatedTeamChangeInput, ExistingTeamInput, Nested, TeamDecisionInput } from './team-inputs.base';
import { GenderEnum, MemberRoleEnum, TeamLevelEnum } from './team.enums';

const VillageIds = (): PropertyDecorator => {
  const decorators = [Field(() => [ID], { description: 'Global ids of the villages served; at most 200.' }), IsArray(), ArrayMaxSize(200), IsString({ each: true }), MaxLength(400, { each: true })];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

@InputType('EstablishTeamInput')
export class EstablishTeamInput extends IdempotentInput {
  @Field({ description: 'Commune of the team (5 digits); it must have issued the decision.' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode!: string;

  @VillageIds()
  villageIds!: string[];

  @Field({ description: 'Name, 1 to 200 characters, Unicode NFC.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  name!: string;

  @Field(() => TeamLevelEnum)
  @IsEnum(TeamLevelEnum)
  level!: TeamLevelEnum;

  @Field(() => TeamDecisionInput)
  @Nested(() => TeamDecisionInput)
  decision!: TeamDecisionInput;

  @Field({ description: 'Date the team takes effect (on or after the decision date).' })
  @IsLocalDate()
  effectiveDate!: string;
}

@InputType('PersonInput', { description: 'A new person. Personal fields are encrypted before they are stored.' })
export class PersonInput {
  @Field({ description: 'Full name, 1 to 200 characters, Unicode NFC.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Phone number: digits, optional leading +, 6 to 15 digits.' })
  @IsOptional()
  @Matches(/^\+?\d{6,15}$/, { message: 'phone must be 6 to 15 digits, optionally with a leading +' })
  phone?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  birthYear?: number | null;

  @Field(() => GenderEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GenderEnum)
  gender?: GenderEnum | null;

  @Field(() => String, { nullable: true, description: 'Youth Union member since (YYYY-MM-DD); kept unencrypted for statistics.' })
  @IsOptional()
  @IsLocalDate()
  youthUnionSince?: string | null;

  @Field(() => String, { nullable: true, description: 'Youth Union membership ended on (YYYY-MM-DD).' })
  @IsOptional()
  @IsLocalDate()
  youthUnionUntil?: string | null;
}

@InputType('AddTeamMemberInput', { description: 'Give exactly one of personId (an existing person) and person (registers them first).' })
export class AddTeamMemberInput extends DatedTeamChangeInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  personId?: string | null;

  @Field(() => PersonInput, { nullable: true })
  @IsOptional()
  @Nested(() => PersonInput)
  person?: PersonInput | null;

  @Field(() => MemberRoleEnum)
  @IsEnum(MemberRoleEnum)
  role!: MemberRoleEnum;
}

@InputType('ChangeTeamMemberRoleInput')
export class ChangeTeamMemberRoleInput extends DatedTeamChangeInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  personId!: string;

  @Field(() => MemberRoleEnum, { description: 'Appointing a LEADER makes the current leader a MEMBER on the same date.' })
  @IsEnum(MemberRoleEnum)
  role!: MemberRoleEnum;
}

@InputType('RemoveTeamMemberInput')
export class RemoveTeamMemberInput extends DatedTeamChangeInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  personId!: string;
}

@InputType('RenameTeamInput')
export class RenameTeamInput extends DatedTeamChangeInput {
  @Field({ description: 'New name, 1 to 200 characters, Unicode NFC.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  name!: string;
}

@InputType('ChangeTeamCoverageInput')
export class ChangeTeamCoverageInput extends DatedTeamChangeInput {
  @VillageIds()
  villageIds!: string[];
}

@InputType('ReissueTeamDecisionInput', { description: 'Kiện toàn: a new decision re-confirms the team.' })
export class ReissueTeamDecisionInput extends ExistingTeamInput {
  @Field(() => TeamDecisionInput)
  @Nested(() => TeamDecisionInput)
  decision!: TeamDecisionInput;

  @Field({ description: 'Date the new decision takes effect.' })
  @IsLocalDate()
  effectiveDate!: string;
}

@InputType('DissolveTeamInput')
export class DissolveTeamInput extends DatedTeamChangeInput {}

@InputType('ForgetPersonInput', { description: 'Erases a person (admins only): their personal fields become unreadable everywhere.' })
export class ForgetPersonInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  personId!: string;
}
