import { ArgsType, Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Connection, ConnectionArgs, IsNfc } from '@cdtt/platform';
import type { TeamReorganisationRow, WorkItemRow } from '../read-models/reorganisation-read.service';
import { ExistingTeamInput } from './team-inputs.base';
import { TeamPayload } from './team.payload';
import { TeamType } from './team.type';

export enum TeamReorganisationStatusEnum {
  AWAITING_REDECISION = 'AWAITING_REDECISION',
  AWAITING_ASSIGNMENT = 'AWAITING_ASSIGNMENT',
}

registerEnumType(TeamReorganisationStatusEnum, {
  name: 'TeamReorganisationStatus',
  description:
    "AWAITING_REDECISION: re-attached to a new commune, until its People's Committee reissues or confirms the decision (reissueTeamDecision). " +
    'AWAITING_ASSIGNMENT: the old commune was split; a person chooses the successor (assignTeamToSuccessorCommune).',
});

@ObjectType('TeamReorganisation', { description: 'Where a team stands after its commune was reorganised; the team stays visible and counted.' })
export class TeamReorganisationType {
  @Field(() => TeamReorganisationStatusEnum)
  status!: TeamReorganisationStatusEnum;

  @Field({ description: 'The commune the team belonged to before the reorganisation.' })
  fromCommuneCode!: string;

  @Field(() => [String], { description: 'AWAITING_ASSIGNMENT: the communes to choose from; AWAITING_REDECISION: the new commune.' })
  successorCommuneCodes!: string[];

  @Field({ description: 'The reorganisation date (YYYY-MM-DD).' })
  since!: string;

  static of(row: TeamReorganisationRow): TeamReorganisationType {
    return Object.assign(new TeamReorganisationType(), {
      status: row.status as TeamReorganisationStatusEnum,
      fromCommuneCode: row.from_commune_code,
      successorCommuneCodes: row.successor_codes,
      since: row.since,
    });
  }
}

@ObjectType('ReorganisationWorkItem')
export class ReorganisationWorkItemType {
  @Field(() => TeamType)
  team!: TeamType;

  @Field(() => TeamReorganisationType)
  reorganisation!: TeamReorganisationType;

  static of(row: WorkItemRow): ReorganisationWorkItemType {
    return Object.assign(new ReorganisationWorkItemType(), { team: TeamType.of(row), reorganisation: TeamReorganisationType.of(row.reorganisation) });
  }
}

@ObjectType('ReorganisationWorkItemConnection')
export class ReorganisationWorkItemConnection extends Connection(ReorganisationWorkItemType, 'ReorganisationWorkItem') {}

@ArgsType()
export class ReorganisationWorkQueueArgs extends ConnectionArgs {
  @Field({ description: 'The province (2 digits) whose work is listed.' })
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode!: string;

  @Field(() => TeamReorganisationStatusEnum, { defaultValue: TeamReorganisationStatusEnum.AWAITING_ASSIGNMENT })
  @IsOptional()
  @IsEnum(TeamReorganisationStatusEnum)
  status: TeamReorganisationStatusEnum = TeamReorganisationStatusEnum.AWAITING_ASSIGNMENT;
}

@InputType('AssignTeamToSuccessorCommuneInput', { description: 'Chooses the successor commune of a team whose commune was split.' })
export class AssignTeamToSuccessorCommuneInput extends ExistingTeamInput {
  @Field({ description: 'One of the team reorganisation’s successorCommuneCodes (5 digits).' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'The act behind the choice (e.g. an official letter number), 1 to 50 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsNfc()
  decisionRef?: string | null;
}

@ObjectType('AssignTeamToSuccessorCommunePayload')
export class AssignTeamToSuccessorCommunePayload extends TeamPayload {}

