import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserErrorType } from '@cdtt/platform';
import { VillageType } from './village.type';

@ObjectType({ isAbstract: true })
abstract class VillagePayload {
  @Field(() => VillageType, { nullable: true, description: 'The village after the change; null when refused.' })
  village!: VillageType | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the village after the change.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType('RegisterVillagePayload')
export class RegisterVillagePayload extends VillagePayload {}

@ObjectType('RenameVillagePayload')
export class RenameVillagePayload extends VillagePayload {}

@ObjectType('RetireVillagePayload')
export class RetireVillagePayload extends VillagePayload {}
