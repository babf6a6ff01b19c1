import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate, IsNfc } from '@cdtt/platform';
import { ExistingTeamInput, Nested, TeamDecisionInput } from './team-inputs.base';
import { TeamPayload } from './team.payload';

const Ids = (description: string, max = 200): PropertyDecorator => {
  const decorators = [Field(() => [ID], { description }), IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(400, { each: true })];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

@InputType('MergeTeamsInput', { description: 'Villages merged: their teams merge into the survivor (teamId) by a decision of their commune.' })
export class MergeTeamsInput extends ExistingTeamInput {
  @Ids('Global ids of the teams absorbed (they end on effectiveDate); at most 20.', 20)
  absorbedTeamIds!: string[];

  @Field(() => ID, { description: 'Global id of the person who leads the merged team (a current member of one of the teams).' })
  @IsString()
  @MaxLength(400)
  leaderPersonId!: string;

  @Ids('Global ids of the villages the merged team serves (a replacement of its coverage).')
  villageIds!: string[];

  @Field(() => TeamDecisionInput)
  @Nested(() => TeamDecisionInput)
  decision!: TeamDecisionInput;

  @Field({ description: 'Date the merge takes effect (YYYY-MM-DD).' })
  @IsLocalDate()
  effectiveDate!: string;
}

@InputType('SplitTeamPartInput')
export class SplitTeamPartInput {
  @Field({ description: 'Name of the new team, 1 to 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  name!: string;

  @Ids('Global ids of the villages the new team serves.')
  villageIds!: string[];

  @Field(() => ID, { description: 'Global id of its leader (one of memberPersonIds).' })
  @IsString()
  @MaxLength(400)
  leaderPersonId!: string;

  @Ids('Global ids of the members allocated to it (every current member goes to exactly one part).')
  memberPersonIds!: string[];
}

@InputType('SplitTeamInput', { description: 'A village split: the team splits into new teams by decision (members allocated); it ends.' })
export class SplitTeamInput extends ExistingTeamInput {
  @Field(() => [SplitTeamPartInput], { description: 'The new teams, 2 to 10.' })
  @IsArray()
  @ArrayMaxSize(10)
  @Nested(() => SplitTeamPartInput)
  parts!: SplitTeamPartInput[];

  @Field(() => TeamDecisionInput)
  @Nested(() => TeamDecisionInput)
  decision!: TeamDecisionInput;

  @Field({ description: 'Date the split takes effect (YYYY-MM-DD).' })
  @IsLocalDate()
  effectiveDate!: string;
}

@ObjectType('MergeTeamsPayload')
export class MergeTeamsPayload extends TeamPayload {}

@ObjectType('SplitTeamPayload', { description: '`team` is the original team (ended); `partIds` the new teams.' })
export class SplitTeamPayload extends TeamPayload {
  @Field(() => [ID], { nullable: true })
  partIds!: string[] | null;
}

