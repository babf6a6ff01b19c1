import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { TimeBasis } from '@cdtt/platform';
import { UnitStatisticsArgs } from './team-queries.input';

/** unitStatistics' arguments with the clock asOf is read on (ADR 0011). */
@ArgsType()
export class UnitStatisticsAsOfArgs extends UnitStatisticsArgs {
  @Field(() => TimeBasis, { defaultValue: TimeBasis.EFFECTIVE, description: 'EFFECTIVE: in force on asOf as known now; RECORDED: as recorded by the end of asOf.' })
  @IsEnum(TimeBasis)
  basis: TimeBasis = TimeBasis.EFFECTIVE;
}
