import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserErrorType } from '@cdtt/platform';
import { TeamType } from './team.type';

@ObjectType({ isAbstract: true })
export abstract class TeamPayload {
  @Field(() => TeamType, { nullable: true, description: 'The team after the change; null when refused.' })
  team!: TeamType | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the team after the change; null when refused.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType('EstablishTeamPayload')
export class EstablishTeamPayload extends TeamPayload {}

@ObjectType('AddTeamMemberPayload')
export class AddTeamMemberPayload extends TeamPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the member (new when `person` was given).' })
  personId!: string | null;
}

@ObjectType('ChangeTeamMemberRolePayload')
export class ChangeTeamMemberRolePayload extends TeamPayload {}

@ObjectType('RemoveTeamMemberPayload')
export class RemoveTeamMemberPayload extends TeamPayload {}

@ObjectType('RenameTeamPayload')
export class RenameTeamPayload extends TeamPayload {}

@ObjectType('ChangeTeamCoveragePayload')
export class ChangeTeamCoveragePayload extends TeamPayload {}

@ObjectType('ReissueTeamDecisionPayload')
export class ReissueTeamDecisionPayload extends TeamPayload {}

@ObjectType('DissolveTeamPayload')
export class DissolveTeamPayload extends TeamPayload {}

@ObjectType('ForgetPersonPayload')
export class ForgetPersonPayload {
  @Field(() => ID, { nullable: true })
  personId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the person stream after PersonForgotten.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}
