import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { codedError, CurrentActor, parsePeriod, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { UnitStatisticsType } from '@cdtt/teams';
import { IndicatorFigures } from '../application/indicator-figures';
import { ReportingSummaries } from '../application/reporting-summary';
import type { FigureUnit } from '../application/reporting.ports';
import { asOfIn } from '../application/target-commands.service';
import { RegistryUnitDirectory } from '../application/unit-directory';
import { IndicatorFigureType } from './indicator.type';
import { ReportingSummaryType } from './reporting-summary.type';

const FIGURE_LEVELS = new Set(['NATIONAL', 'PROVINCE', 'COMMUNE']);

function periodOf(code: string) {
  const period = parsePeriod(code);
  if (!period) throw codedError('BAD_USER_INPUT', 'period must be a period code: 2025, 2025-H1, 2025-Q3 or 2025-07', { fields: [{ field: 'period', problems: ['not a period code'] }] });
  return period;
}

/**
 * Reporting figures on the teams context's statistics. The parent UnitStatistics was already found
 * within the caller's scope (a portal never gets another province's), so these read the same unit.
 */
@Resolver(() => UnitStatisticsType)
export class UnitStatisticsReportingResolver {
  constructor(
    @Inject(IndicatorFigures) private readonly figures: IndicatorFigures,
    @Inject(ReportingSummaries) private readonly summaries: ReportingSummaries,
    @Inject(RegistryUnitDirectory) private readonly units: RegistryUnitDirectory,
  ) {}

  @ResolveField(() => [IndicatorFigureType], {
    description: "Actual vs target per indicator of the period's catalogue (the province's own included); empty for a district (before 2025-07-01).",
  })
  async indicators(@Parent() stats: UnitStatisticsType, @Args('period') periodCode: string, @CurrentActor() actor: RequestActor): Promise<IndicatorFigureType[]> {
    const period = periodOf(periodCode);
    if (!FIGURE_LEVELS.has(stats.level)) return [];
    const level = stats.level as string as FigureUnit['level'];
    const unit: FigureUnit = { level, code: stats.code };
    // The province whose own indicators join the national catalogue (none for the nation).
    const provinceCode =
      level === 'NATIONAL' ? null : level === 'PROVINCE' ? stats.code : ((await this.units.resolve({ level: 'COMMUNE', code: stats.code }, stats.asOf, ProvinceScope.of(actor)))?.provinceCode ?? null);
    const computed = await this.figures.compute({ unit, provinceCode }, period, asOfIn(period, stats.asOf), ProvinceScope.of(actor));
    return computed.map((f) => IndicatorFigureType.of(f));
  }

  @ResolveField(() => [ReportingSummaryType], { description: 'Per line: reports due from the units below for the period, on time, late and missing.' })
  async reporting(@Parent() stats: UnitStatisticsType, @Args('period') periodCode: string, @CurrentActor() actor: RequestActor): Promise<ReportingSummaryType[]> {
    periodOf(periodCode);
    const unit: FigureUnit = { level: stats.level as string as FigureUnit['level'], code: stats.code };
    return ((await this.summaries.of(unit, periodCode, ProvinceScope.of(actor))) ?? []).map((s) => ReportingSummaryType.of(s));
  }
}
