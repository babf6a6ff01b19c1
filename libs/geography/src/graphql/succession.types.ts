import { ArgsType, Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Connection, ConnectionArgs, IdempotentInput, IsLocalDate, IsNfc, UserErrorType } from '@cdtt/platform';
import type { SuccessionDefectRecord } from '../read-models/succession-read.service';
import { AdminLevelEnum } from './geography.enums';

export enum SuccessionKindEnum {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
}
registerEnumType(SuccessionKindEnum, {
  name: 'SuccessionKind',
  description: 'FULL: the whole old unit went to the new one (teams follow automatically); PARTIAL: the old unit was split (a person chooses).',
});

@ObjectType('SuccessionDefect', { description: "A defect of the official mapping found at import, or a gap found since; 'open' ones need a person." })
export class SuccessionDefectType {
  @Field({ description: 'REJECTED (not loaded), PATCHED (loaded after a known correction) or NOTE (loaded as is).' })
  kind!: string;

  @Field({ description: 'Stable reason, e.g. CODE_REUSED_WITHOUT_EDGE.' })
  reason!: string;

  @Field({ description: 'The unit or edge concerned, e.g. "COMMUNE 23710".' })
  subject!: string;

  @Field()
  message!: string;

  @Field({ description: 'True while no recorded edge closes the gap (correct it with recordUnitSuccession).' })
  open!: boolean;

  static of(record: SuccessionDefectRecord): SuccessionDefectType {
    return Object.assign(new SuccessionDefectType(), record);
  }
}

@ObjectType('SuccessionDefectConnection')
export class SuccessionDefectConnection extends Connection(SuccessionDefectType, 'SuccessionDefect') {}

@ArgsType()
export class SuccessionDefectsArgs extends ConnectionArgs {
  @Field({ defaultValue: true, description: 'Only the defects that still need a person.' })
  @IsOptional()
  @IsBoolean()
  openOnly: boolean = true;
}

@InputType({ isAbstract: true })
abstract class SuccessionEdgeInput extends IdempotentInput {
  @Field(() => AdminLevelEnum)
  @IsEnum(AdminLevelEnum)
  fromLevel!: AdminLevelEnum;

  @Field({ description: 'Code of the old unit (2, 3 or 5 digits by level).' })
  @Matches(/^\d{2,5}$/, { message: 'fromCode must be 2 to 5 digits' })
  fromCode!: string;

  @Field(() => AdminLevelEnum)
  @IsEnum(AdminLevelEnum)
  toLevel!: AdminLevelEnum;

  @Field({ description: 'Code of the new unit, in force on effectiveOn.' })
  @Matches(/^\d{2,5}$/, { message: 'toCode must be 2 to 5 digits' })
  toCode!: string;

  @Field({ description: 'The day the new unit takes over (YYYY-MM-DD).' })
  @IsLocalDate()
  effectiveOn!: string;
}

@InputType('RecordUnitSuccessionInput', { description: 'Records one edge of a reorganisation (or corrects the kind of a recorded one). Admins only.' })
export class RecordUnitSuccessionInput extends SuccessionEdgeInput {
  @Field(() => SuccessionKindEnum)
  @IsEnum(SuccessionKindEnum)
  kind!: SuccessionKindEnum;

  @Field({ description: 'The act behind it, e.g. "Nghị quyết 1664/NQ-UBTVQH15"; 1 to 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  reference!: string;
}

@InputType('WithdrawUnitSuccessionInput', { description: 'Withdraws a wrong edge. Admins only.' })
export class WithdrawUnitSuccessionInput extends SuccessionEdgeInput {
  @Field({ description: 'Why, 1 to 500 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsNfc()
  reason!: string;
}

@ObjectType('UnitSuccessionPayload')
export class UnitSuccessionPayload {
  @Field({ description: 'True when the edge was recorded or withdrawn.' })
  recorded!: boolean;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}
