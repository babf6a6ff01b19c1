import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { IsLocalDate } from '@cdtt/platform';
import type { Reaggregation } from '../read-models/team-statistics-series.service';
import { StatisticsLevelEnum } from './team.enums';
import { UnitStatisticsType } from './unit-statistics.type';

export enum SeriesIntervalEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(SeriesIntervalEnum, { name: 'SeriesInterval', description: 'Spacing of the points of a statistics series.' });

@ArgsType()
export class StatisticsSeriesArgs {
  @Field({ description: 'VN for NATIONAL, 2 digits for PROVINCE, 3 for DISTRICT, 5 for COMMUNE.' })
  @Matches(/^(VN|\d{2}|\d{3}|\d{5})$/, { message: 'code must be VN, 2, 3 or 5 digits' })
  code!: string;

  @Field(() => StatisticsLevelEnum)
  @IsEnum(StatisticsLevelEnum)
  level!: StatisticsLevelEnum;

  @Field({ description: 'First point (YYYY-MM-DD).' })
  @IsLocalDate()
  from!: string;

  @Field({ description: 'No point after this date (YYYY-MM-DD).' })
  @IsLocalDate()
  to!: string;

  @Field(() => SeriesIntervalEnum, { defaultValue: SeriesIntervalEnum.MONTH })
  @IsOptional()
  @IsEnum(SeriesIntervalEnum)
  interval: SeriesIntervalEnum = SeriesIntervalEnum.MONTH;
}

@ObjectType('StatisticsPoint', { description: 'The figures of a unit on one date, over the tree in force that day.' })
export class StatisticsPointType {
  @Field()
  asOf!: string;

  @Field(() => UnitStatisticsType, { nullable: true, description: 'Null when the unit is not in force on asOf (e.g. a province merged in 2025).' })
  figures!: UnitStatisticsType | null;
}

@ArgsType()
export class ReaggregatedStatisticsArgs {
  @Field({ description: 'The past date whose teams are re-aggregated (YYYY-MM-DD), e.g. 2025-06-30.' })
  @IsLocalDate()
  asOf!: string;

  @Field(() => String, { nullable: true, description: 'The date whose provinces receive them; default today in Vietnam.' })
  @IsOptional()
  @IsLocalDate()
  onto?: string | null;
}

@ObjectType('ReaggregatedProvince')
export class ReaggregatedProvinceType {
  @Field({ description: 'Province code in the tree in force on onto.' })
  code!: string;

  @Field(() => Int, { description: 'Teams active on asOf whose commune went wholly to this province (full edges), or was left unchanged.' })
  activeTeams!: number;

  @Field(() => Int, { description: 'Distinct members (on asOf) of those teams.' })
  members!: number;

  @Field(() => Int, { description: 'Teams whose commune was split with a part in this province (partial edges): shown apart, never allocated.' })
  partialActiveTeams!: number;

  @Field(() => Int)
  partialMembers!: number;
}

@ObjectType('ReaggregationTotals', { description: 'Control totals: totalTeams = placedTeams + partialTeams + unmappedTeams.' })
export class ReaggregationTotalsType {
  @Field(() => Int, { description: 'Teams active nationally on asOf.' })
  totalTeams!: number;

  @Field(() => Int, { description: 'Of those, placed in one province (full edges or unchanged commune).' })
  placedTeams!: number;

  @Field(() => Int, { description: 'In a commune that was split (partial edges).' })
  partialTeams!: number;

  @Field(() => Int, { description: 'In a commune the mapping does not place (a defect to correct).' })
  unmappedTeams!: number;
}

@ObjectType('ReaggregatedStatistics', { description: "A past date's teams on a later date's provinces (e.g. pre-reform figures on today's 34 provinces)." })
export class ReaggregatedStatisticsType {
  @Field()
  asOf!: string;

  @Field()
  onto!: string;

  @Field(() => [ReaggregatedProvinceType])
  provinces!: ReaggregatedProvinceType[];

  @Field(() => ReaggregationTotalsType, { nullable: true, description: 'National totals; null for a portal.' })
  totals!: ReaggregationTotalsType | null;

  static of(r: Reaggregation): ReaggregatedStatisticsType {
    return Object.assign(new ReaggregatedStatisticsType(), {
      asOf: r.asOf,
      onto: r.onto,
      provinces: r.provinces.map((p) => Object.assign(new ReaggregatedProvinceType(), p)),
      totals: r.totals ? Object.assign(new ReaggregationTotalsType(), r.totals) : null,
    });
  }
}
