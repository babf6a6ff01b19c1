import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsLocalDate } from '@cdtt/platform';

@InputType('FieldworkFilter', { description: 'Filters of sessions, activities and meetings; dates inclusive.' })
export class FieldworkFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be 2 digits' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode?: string | null;

  @Field(() => ID, { nullable: true, description: "A team; for sessions: those its members attended while members." })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD).' })
  @IsOptional()
  @IsLocalDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD).' })
  @IsOptional()
  @IsLocalDate()
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Activities only: true lists only retracted ones, false only counted ones.' })
  @IsOptional()
  @IsBoolean()
  retracted?: boolean | null;
}

@ArgsType()
export class FieldworkListArgs extends ConnectionArgs {
  @Field(() => FieldworkFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FieldworkFilterInput)
  filter?: FieldworkFilterInput | null;
}

@ArgsType()
export class PersonTrainingRecordArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'Global id of the person.' })
  @IsString()
  @MaxLength(400)
  personId!: string;
}

@ArgsType()
export class PeriodArgs {
  @Field({ description: 'A period code: 2025 (year), 2025-H1, 2025-Q3 or 2025-07.' })
  @IsString()
  @MaxLength(10)
  period!: string;
}
