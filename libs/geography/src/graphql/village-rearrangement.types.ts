import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IdempotentInput, IsLocalDate, IsNfc, UserErrorType } from '@cdtt/platform';
import { VillageKind } from '../domain/village-kind';
import { VillageType } from './village.type';

@InputType('NewVillageInput')
export class NewVillageInput {
  @Field({ description: 'Name, 1 to 200 characters, Unicode NFC.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  name!: string;

  @Field(() => VillageKind)
  @IsEnum(VillageKind)
  kind!: VillageKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  households?: number | null;
}

@InputType({ isAbstract: true })
abstract class VillageDecisionInput extends IdempotentInput {
  @Field({ description: 'The decision behind it (number), 1 to 50 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsNfc()
  decisionRef!: string;
}

@InputType('MergeVillagesInput', { description: 'Villages of one commune merge into a new village; they are retired on mergedOn.' })
export class MergeVillagesInput extends VillageDecisionInput {
  @Field(() => [ID], { description: 'Global ids of the villages merged, 2 to 20.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(400, { each: true })
  villageIds!: string[];

  @Field(() => NewVillageInput)
  @Type(() => NewVillageInput)
  @ValidateNested()
  into!: NewVillageInput;

  @Field({ description: 'Date (YYYY-MM-DD) of the merge.' })
  @IsLocalDate()
  mergedOn!: string;
}

@InputType('SplitVillageInput', { description: 'A village splits into new villages of its commune; it is retired on splitOn.' })
export class SplitVillageInput extends VillageDecisionInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  villageId!: string;

  @Field(() => [NewVillageInput], { description: 'The new villages, 2 to 10.' })
  @IsArray()
  @ArrayMaxSize(10)
  @Type(() => NewVillageInput)
  @ValidateNested({ each: true })
  parts!: NewVillageInput[];

  @Field({ description: 'Date (YYYY-MM-DD) of the split.' })
  @IsLocalDate()
  splitOn!: string;
}

@InputType('MoveVillageInput', { description: 'A village passes to another commune (in force on movedOn).' })
export class MoveVillageInput extends VillageDecisionInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  villageId!: string;

  @Field({ description: 'Code of the commune (5 digits) it belongs to from movedOn.' })
  @Matches(/^\d{5}$/, { message: 'toCommuneCode must be 5 digits' })
  toCommuneCode!: string;

  @Field({ description: 'Date (YYYY-MM-DD) of the move.' })
  @IsLocalDate()
  movedOn!: string;
}

@ObjectType('RearrangeVillagesPayload')
export class RearrangeVillagesPayload {
  @Field(() => [VillageType], { description: 'The resulting villages (the new ones of a merge or split, the moved one); empty when refused.' })
  villages!: VillageType[];

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}
