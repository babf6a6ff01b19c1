import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@cdtt/platform';
import type { UnitStatistics } from '../read-models/team-statistics.service';
import { StatisticsLevelEnum } from './team.enums';

@ObjectType('UnitStatistics', {
  description:
    'Team figures of one unit on asOf, over the unit tree in force that day (two tiers from 2025-07-01). ' +
    'Each field says what it counts; persons are counted once per unit even when on several teams.',
})
export class UnitStatisticsType {
  @Field()
  code!: string;

  @Field(() => StatisticsLevelEnum)
  level!: StatisticsLevelEnum;

  @Field()
  name!: string;

  @Field({ description: 'The date the figures are for (YYYY-MM-DD).' })
  asOf!: string;

  @Field(() => Int, { description: 'Teams established on or before asOf and not dissolved by then.' })
  activeTeams!: number;

  @Field(() => Int, { description: 'Villages existing on asOf (registered, not retired).' })
  villages!: number;

  @Field(() => Int, { description: 'Of those, villages served on asOf by at least one active team.' })
  villagesCovered!: number;

  @Field(() => Float, { nullable: true, description: 'villagesCovered / villages; null without villages.' })
  coverageRatio!: number | null;

  @Field(() => Int, { description: 'Communes with at least one village, all covered.' })
  communesAtFullCoverage!: number;

  @Field(() => Int, { description: 'Distinct persons with a membership in force on asOf in an active team.' })
  members!: number;

  @Field(() => Int, { description: 'Distinct persons leading an active team on asOf.' })
  leaders!: number;

  @Field(() => Int, { description: 'Distinct members who are Youth Union members on asOf.' })
  youthUnionMembers!: number;

  @Field(() => Float, { nullable: true, description: 'youthUnionMembers / members; null without members.' })
  youthUnionShare!: number | null;

  @Field(() => Int, { description: 'Active teams with no Youth Union member on asOf (flagged, rule 4).' })
  teamsWithoutYouthUnionMember!: number;

  static of(figures: UnitStatistics): UnitStatisticsType {
    return Object.assign(new UnitStatisticsType(), { ...figures, level: figures.level as StatisticsLevelEnum });
  }
}

@ObjectType('UnitStatisticsConnection')
export class UnitStatisticsConnection extends Connection(UnitStatisticsType, 'UnitStatistics') {}
