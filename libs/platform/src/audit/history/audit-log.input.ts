import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs } from '../../graphql/connection';

/** Every condition narrows (AND); time ranges are `[from, to)` instants in ISO-8601. */
@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only these event types, e.g. ["MemberJoined", "MemberLeft"].' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only events caused by this API client (its clientId, or an operator name).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorClientId?: string | null;

  @Field(() => String, { nullable: true, description: "Only events of streams of this province (a team's, a village's, a member's)." })
  @IsOptional()
  @Matches(/^\d{2}$/)
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events of streams of this commune.' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Recorded at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Recorded before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Taking effect at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Taking effect before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveTo?: string | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput | null;
}

@ArgsType()
export class HistoryArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'A stream name (`team-<uuid>`) or the global id of a Team, Person or Village.' })
  @IsString()
  @MaxLength(400)
  id!: string;
}
