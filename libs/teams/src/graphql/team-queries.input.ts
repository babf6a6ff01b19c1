import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsLocalDate } from '@cdtt/platform';
import { OrderDirection, StatisticsLevelEnum, TeamOrderField, TeamStatusEnum } from './team.enums';

@InputType('TeamFilter')
export class TeamFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode?: string | null;

  @Field(() => TeamStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(TeamStatusEnum)
  status?: TeamStatusEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'false lists the flagged teams (no current Youth Union member).' })
  @IsOptional()
  @IsBoolean()
  hasYouthUnionMember?: boolean | null;
}

@InputType('TeamOrder')
export class TeamOrderInput {
  @Field(() => TeamOrderField)
  @IsEnum(TeamOrderField)
  field!: TeamOrderField;

  @Field(() => OrderDirection)
  @IsEnum(OrderDirection)
  direction!: OrderDirection;
}

@ArgsType()
export class TeamsArgs extends ConnectionArgs {
  @Field(() => TeamFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TeamFilterInput)
  filter?: TeamFilterInput | null;

  @Field(() => TeamOrderInput, { nullable: true, description: 'Default: NAME ascending; ties broken by id.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TeamOrderInput)
  orderBy?: TeamOrderInput | null;
}

@ArgsType()
export class UnitStatisticsArgs {
  @Field({ description: 'VN for NATIONAL, 2 digits for PROVINCE, 3 digits for DISTRICT (before 2025-07-01), 5 digits for COMMUNE.' })
  @Matches(/^(VN|\d{2}|\d{3}|\d{5})$/, { message: 'code must be VN, 2, 3 or 5 digits' })
  code!: string;

  @Field(() => StatisticsLevelEnum)
  @IsEnum(StatisticsLevelEnum)
  level!: StatisticsLevelEnum;

  @Field(() => String, { nullable: true, description: 'Date of the figures (YYYY-MM-DD); default today in Vietnam.' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string | null;
}

@ArgsType()
export class ChildStatisticsArgs extends ConnectionArgs {
  @Field({ description: 'VN for NATIONAL (children: provinces), 2 digits for PROVINCE or 3 for DISTRICT (children: communes).' })
  @Matches(/^(VN|\d{2}|\d{3}|\d{5})$/, { message: 'code must be VN, 2, 3 or 5 digits' })
  code!: string;

  @Field(() => StatisticsLevelEnum)
  @IsEnum(StatisticsLevelEnum)
  level!: StatisticsLevelEnum;

  @Field(() => String, { nullable: true, description: 'Date of the figures (YYYY-MM-DD); default today in Vietnam.' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string | null;
}
