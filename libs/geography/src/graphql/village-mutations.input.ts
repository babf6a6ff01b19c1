import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { IdempotentInput, IsLocalDate, IsNfc } from '@cdtt/platform';
import { VillageKind } from '../domain/village-kind';

@InputType({ isAbstract: true })
abstract class ExistingVillageInput extends IdempotentInput {
  @Field(() => ID, { description: 'Global id of the village.' })
  @IsString()
  @MaxLength(400)
  villageId!: string;

  @Field(() => Int, { nullable: true, description: 'The village version the client saw; VERSION_CONFLICT when it moved on.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType('RegisterVillageInput')
export class RegisterVillageInput extends IdempotentInput {
  @Field({ description: 'Code of the commune (5 digits), in force on registeredOn.' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode!: string;

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

  @Field({ description: 'Date (YYYY-MM-DD) from which the village is recorded.' })
  @IsLocalDate()
  registeredOn!: string;
}

@InputType('RenameVillageInput')
export class RenameVillageInput extends ExistingVillageInput {
  @Field({ description: 'New name, 1 to 200 characters, Unicode NFC.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  name!: string;

  @Field({ description: 'Date (YYYY-MM-DD) the new name takes effect.' })
  @IsLocalDate()
  renamedOn!: string;
}

@InputType('RetireVillageInput')
export class RetireVillageInput extends ExistingVillageInput {
  @Field({ description: 'Date (YYYY-MM-DD) the village ceased to exist.' })
  @IsLocalDate()
  retiredOn!: string;

  @Field(() => String, { nullable: true, description: 'Why (merged into…, dissolved by decision…).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsNfc()
  reason?: string | null;
}
