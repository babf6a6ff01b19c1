import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IdempotentInput, IsLocalDate, IsNfc } from '@cdtt/platform';

@InputType({ isAbstract: true })
export abstract class ExistingTeamInput extends IdempotentInput {
  @Field(() => ID, { description: 'Global id of the team.' })
  @IsString()
  @MaxLength(400)
  teamId!: string;

  @Field(() => Int, { nullable: true, description: 'The team version the client saw; VERSION_CONFLICT when it moved on.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}

/** A dated change (rule 5), optionally citing the decision that made it. */
@InputType({ isAbstract: true })
export abstract class DatedTeamChangeInput extends ExistingTeamInput {
  @Field({ description: 'Date the change takes effect (YYYY-MM-DD).' })
  @IsLocalDate()
  effectiveDate!: string;

  @Field(() => String, { nullable: true, description: 'Number of the decision behind the change, 1 to 50 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsNfc()
  decisionRef?: string | null;
}

@InputType('TeamDecisionInput')
export class TeamDecisionInput {
  @Field({ description: 'Decision number, e.g. 45/QĐ-UBND; 1 to 50 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsNfc()
  number!: string;

  @Field({ description: 'Date of the decision (YYYY-MM-DD).' })
  @IsLocalDate()
  date!: string;

  @Field({ description: "Commune (5 digits) whose People's Committee issued it." })
  @Matches(/^\d{5}$/, { message: 'issuingCommuneCode must be 5 digits' })
  issuingCommuneCode!: string;

  @Field({ description: 'Who signed, 1 to 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  signerName!: string;

  @Field({ description: 'Title of the signer, e.g. Chủ tịch, KT. Chủ tịch – Phó Chủ tịch; 1 to 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNfc()
  signerTitle!: string;
}

/** Nested input objects must be class instances for class-validator to check them. */
export const Nested = (type: () => new () => object): PropertyDecorator => {
  const typed = Type(type);
  const nested = ValidateNested();
  return (target, key) => {
    typed(target, key);
    nested(target, key);
  };
};
