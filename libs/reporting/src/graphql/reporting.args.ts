// Query arguments and filters of the reporting API (the mutation inputs are in reporting.inputs.ts).
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cdtt/platform';
import { ExportFormatEnum, ReportingLevelEnum, ReportingLineEnum, ReportStatusEnum } from './reporting.enums';
import { PERIOD, PERIOD_MESSAGE, UNIT_CODE, UNIT_MESSAGE } from './reporting.patterns';

@ArgsType()
export class IndicatorsArgs {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @Field(() => String, { nullable: true, description: 'Adds the province\'s own indicators; null: the national catalogue only.' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;
}

@InputType('TargetFilter')
export class TargetFilterInput {
  @Field()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  periodCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field(() => ReportingLevelEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ReportingLevelEnum)
  level?: ReportingLevelEnum | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_MESSAGE })
  unitCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'indicatorCode must be an indicator code' })
  indicatorCode?: string | null;
}

@ArgsType()
export class TargetsArgs extends ConnectionArgs {
  @Field(() => TargetFilterInput)
  @ValidateNested()
  @Type(() => TargetFilterInput)
  filter!: TargetFilterInput;
}

@InputType('ReportFilter')
export class ReportFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  periodCode?: string | null;

  @Field(() => ReportingLineEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ReportingLineEnum)
  line?: ReportingLineEnum | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field(() => ReportingLevelEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ReportingLevelEnum)
  level?: ReportingLevelEnum | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_MESSAGE })
  unitCode?: string | null;

  @Field(() => ReportStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatusEnum)
  status?: ReportStatusEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'true lists the reports first submitted after their due date (flagged).' })
  @IsOptional()
  @IsBoolean()
  late?: boolean | null;
}

@ArgsType()
export class ReportsArgs extends ConnectionArgs {
  @Field(() => ReportFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFilterInput)
  filter?: ReportFilterInput | null;
}

@ArgsType()
export class ReportDraftArgs {
  @Field(() => ReportingLineEnum)
  @IsEnum(ReportingLineEnum)
  line!: ReportingLineEnum;

  @Field()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  periodCode!: string;

  @Field(() => ReportingLevelEnum)
  @IsEnum(ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field()
  @Matches(UNIT_CODE, { message: UNIT_MESSAGE })
  unitCode!: string;
}

@ArgsType()
export class ReportExportArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(400)
  id!: string;

  @Field(() => ExportFormatEnum)
  @IsEnum(ExportFormatEnum)
  format!: ExportFormatEnum;

  @Field(() => Int, { nullable: true, description: 'Which version; the latest when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}
