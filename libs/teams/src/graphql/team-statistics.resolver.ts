import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Clock } from '@cdtt/event-sourcing';
import { CLOCK, codedError, TimeBasis, connectionOf, CurrentActor, decodeCursor, localDateOf, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { RecordedTeamStatistics } from '../read-models/recorded-team-statistics';
import { UnitStatisticsAsOfArgs } from './unit-statistics-as-of.args';
import { TeamStatisticsService, type UnitStatistics } from '../read-models/team-statistics.service';
import { ChildStatisticsArgs } from './team-queries.input';
import { StatisticsLevelEnum } from './team.enums';
import { UnitStatisticsConnection, UnitStatisticsType } from './unit-statistics.type';

const CODE_PATTERN: Record<StatisticsLevelEnum, RegExp> = {
  NATIONAL: /^VN$/,
  PROVINCE: /^\d{2}$/,
  DISTRICT: /^\d{3}$/,
  COMMUNE: /^\d{5}$/,
};

function checkCode(code: string, level: StatisticsLevelEnum): void {
  if (!CODE_PATTERN[level].test(code)) {
    throw codedError('BAD_USER_INPUT', `code ${code} is not a ${level} code`, { fields: [{ field: 'code', problems: ['does not match level'] }] });
  }
}

@Resolver()
export class TeamStatisticsResolver {
  constructor(
    @Inject(TeamStatisticsService) private readonly statistics: TeamStatisticsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RecordedTeamStatistics) private readonly recorded: RecordedTeamStatistics,
  ) {}

  @Query(() => UnitStatisticsType, { nullable: true, description: 'Team figures of a unit on asOf; null when the unit is not in force then.' })
  async unitStatistics(@Args() args: UnitStatisticsAsOfArgs, @CurrentActor() actor: RequestActor): Promise<UnitStatisticsType | null> {
    checkCode(args.code, args.level);
    const asOf = args.asOf ?? localDateOf(this.clock.now());
    const reads = args.basis === TimeBasis.RECORDED ? this.recorded : this.statistics;
    const figures = await reads.unitStatistics(args.code, args.level, asOf, ProvinceScope.of(actor));
    return figures ? UnitStatisticsType.of(figures) : null;
  }

  @Query(() => UnitStatisticsConnection, { description: 'Figures of the children of a unit on asOf: nation → provinces, province or district → communes.' })
  async childStatistics(@Args() args: ChildStatisticsArgs, @CurrentActor() actor: RequestActor): Promise<UnitStatisticsConnection> {
    checkCode(args.code, args.level);
    if (args.level === StatisticsLevelEnum.COMMUNE) {
      throw codedError('BAD_USER_INPUT', 'A commune has no child units in statistics (villages are counted in its figures).');
    }
    const [after] = args.after ? (decodeCursor(args.after) ?? [null]) : [null];
    if (args.after && typeof after !== 'string') throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
    const asOf = args.asOf ?? localDateOf(this.clock.now());
    const page = await this.statistics.childStatistics(args.code, args.level, asOf, args.first + 1, (after as string | null) ?? null, ProvinceScope.of(actor));
    // Out of a portal's scope reads as not in force: the same NOT_FOUND, so nothing leaks.
    if (!page) throw codedError('NOT_FOUND', `No ${args.level.toLowerCase()} ${args.code} in force on ${asOf}.`);
    return connectionOf(page.items, args.first, page.totalCount, (item: UnitStatistics) => UnitStatisticsType.of(item), (item) => [item.code], after !== null);
  }
}
