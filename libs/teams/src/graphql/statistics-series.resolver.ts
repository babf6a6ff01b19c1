import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DomainError, type Clock } from '@cdtt/event-sourcing';
import { CLOCK, codedError, CurrentActor, localDateOf, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { seriesDates, TeamStatisticsSeriesService } from '../read-models/team-statistics-series.service';
import { ReaggregatedStatisticsArgs, ReaggregatedStatisticsType, StatisticsPointType, StatisticsSeriesArgs } from './statistics-series.types';
import { StatisticsLevelEnum } from './team.enums';
import { UnitStatisticsType } from './unit-statistics.type';

const CODE_LENGTH: Record<StatisticsLevelEnum, RegExp> = { NATIONAL: /^VN$/, PROVINCE: /^\d{2}$/, DISTRICT: /^\d{3}$/, COMMUNE: /^\d{5}$/ };

const badInput = (error: DomainError): Error => codedError('BAD_USER_INPUT', `${error.code}: ${error.message}`);

@Resolver()
export class StatisticsSeriesResolver {
  constructor(
    @Inject(TeamStatisticsSeriesService) private readonly series: TeamStatisticsSeriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [StatisticsPointType], {
    description: 'Figures of a unit at each interval from `from` to `to`, each over the tree in force that day: continuous across the 2025 reform for NATIONAL.',
  })
  async statisticsSeries(@Args() args: StatisticsSeriesArgs, @CurrentActor() actor: RequestActor): Promise<StatisticsPointType[]> {
    if (!CODE_LENGTH[args.level].test(args.code)) throw codedError('BAD_USER_INPUT', `code ${args.code} is not a ${args.level} code`);
    const dates = seriesDates(args.from, args.to, args.interval);
    if (dates instanceof DomainError) throw badInput(dates);
    const points = await this.series.series(args.code, args.level, dates, ProvinceScope.of(actor));
    return points.map((p) => Object.assign(new StatisticsPointType(), { asOf: p.asOf, figures: p.figures ? UnitStatisticsType.of(p.figures) : null }));
  }

  @Query(() => ReaggregatedStatisticsType, {
    description: "Teams active on asOf placed on onto's provinces through the succession edges: full edges summed, partial edges shown apart.",
  })
  async reaggregatedStatistics(@Args() args: ReaggregatedStatisticsArgs, @CurrentActor() actor: RequestActor): Promise<ReaggregatedStatisticsType> {
    const onto = args.onto ?? localDateOf(this.clock.now());
    const result = await this.series.reaggregate(args.asOf, onto, ProvinceScope.of(actor));
    if (result instanceof DomainError) throw badInput(result);
    return ReaggregatedStatisticsType.of(result);
  }
}
