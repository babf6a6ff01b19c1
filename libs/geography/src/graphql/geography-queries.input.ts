import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { ConnectionArgs, IsLocalDate } from '@cdtt/platform';
import { AdminLevelEnum } from './geography.enums';

const CODE = /^\d{2,5}$/;

@ArgsType()
export class AdminUnitArgs {
  @Field({ description: 'Official code (2, 3 or 5 digits).' })
  @Matches(CODE, { message: 'code must be 2 to 5 digits' })
  code!: string;

  @Field(() => AdminLevelEnum, {
    nullable: true,
    description: 'Optional: official codes already tell the level (2 digits province, 3 district, 5 commune).',
  })
  @IsOptional()
  @IsEnum(AdminLevelEnum)
  level?: AdminLevelEnum | null;

  @Field(() => String, { nullable: true, description: 'Date (YYYY-MM-DD) the tree is read at; default today in Vietnam.' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string | null;
}

@ArgsType()
export class AdminUnitsArgs extends ConnectionArgs {
  @Field(() => AdminLevelEnum)
  @IsEnum(AdminLevelEnum)
  level!: AdminLevelEnum;

  @Field(() => String, { nullable: true, description: 'Code of the parent unit, or of the province; all units of the level when absent.' })
  @IsOptional()
  @Matches(CODE, { message: 'parentCode must be 2 to 5 digits' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Date (YYYY-MM-DD) the tree is read at; default today in Vietnam.' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string | null;
}

@ArgsType()
export class VillagesArgs extends ConnectionArgs {
  @Field({ description: 'Commune code (5 digits).' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be 5 digits' })
  communeCode!: string;
}
