import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IdempotentInput, IsNfc } from '@cdtt/platform';
import { AggregationEnum, ReportingLevelEnum, ReportingLineEnum } from './reporting.enums';
import { PERIOD, PERIOD_MESSAGE, UNIT_CODE, UNIT_MESSAGE } from './reporting.patterns';

@InputType({ isAbstract: true })
abstract class UnitPeriodInput extends IdempotentInput {
  @Field({ description: 'Period code: 2025, 2025-H1, 2025-Q3 or 2025-07.' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  periodCode!: string;

  @Field(() => ReportingLevelEnum)
  @IsEnum(ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field({ description: 'Province or commune code, or the team\'s global id.' })
  @Matches(UNIT_CODE, { message: UNIT_MESSAGE })
  unitCode!: string;
}

@InputType('DefineIndicatorInput')
export class DefineIndicatorInput extends IdempotentInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @Field(() => String, { nullable: true, description: 'The province adding its own indicator (code prefixed P<province>_); null for a national one (admins only).' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field({ description: 'Upper-case letters, digits and _, e.g. P01_ZALO_FOLLOWERS.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be 2-64 of A-Z, 0-9 and _, starting with a letter' })
  code!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @IsNfc()
  nameVi!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @IsNfc()
  nameEn!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @IsNfc()
  unit!: string;

  @Field(() => AggregationEnum)
  @IsEnum(AggregationEnum)
  aggregation!: AggregationEnum;

  @Field({ description: 'TEAMS:<measure>, FIELDWORK:<measure key> or MANUAL.' })
  @IsString()
  @MaxLength(100)
  source!: string;

  @Field(() => String, { nullable: true, description: 'Required for a RATIO, refused otherwise.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  denominatorSource?: string | null;
}

@InputType('AssignTargetInput')
export class AssignTargetInput extends UnitPeriodInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'indicatorCode must be an indicator code' })
  indicatorCode!: string;

  @Field(() => Float, { description: 'A number ≥ 0 (a RATIO target is a fraction between 0 and 1).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType('ReviseTargetInput')
export class ReviseTargetInput extends AssignTargetInput {
  @Field()
  @IsString()
  @MaxLength(1000)
  @IsNfc()
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The target plan version the client saw; VERSION_CONFLICT when it moved on.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType('CloseTargetPeriodInput')
export class CloseTargetPeriodInput extends IdempotentInput {
  @Field()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode!: string;

  @Field()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  periodCode!: string;
}

@InputType('ManualValueInput')
export class ManualValueInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'indicatorCode must be an indicator code' })
  indicatorCode!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

@InputType('SubmitReportInput')
export class SubmitReportInput extends UnitPeriodInput {
  @Field(() => ReportingLineEnum)
  @IsEnum(ReportingLineEnum)
  line!: ReportingLineEnum;

  @Field(() => [ManualValueInput], { defaultValue: [], description: 'Values of the MANUAL indicators (the others are computed).' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ManualValueInput)
  manualValues!: ManualValueInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsNfc()
  note?: string | null;
}

@InputType({ isAbstract: true })
abstract class ExistingReportInput extends IdempotentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  reportId!: string;

  @Field(() => Int, { nullable: true, description: 'The report version (stream revision) the client saw.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

@InputType('ReturnReportInput')
export class ReturnReportInput extends ExistingReportInput {
  @Field()
  @IsString()
  @MaxLength(1000)
  @IsNfc()
  reason!: string;
}

@InputType('AcceptReportInput')
export class AcceptReportInput extends ExistingReportInput {}

@InputType('AmendReportInput')
export class AmendReportInput extends ExistingReportInput {
  @Field()
  @IsString()
  @MaxLength(1000)
  @IsNfc()
  reason!: string;

  @Field(() => [ManualValueInput], { defaultValue: [] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ManualValueInput)
  manualValues!: ManualValueInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsNfc()
  note?: string | null;
}
