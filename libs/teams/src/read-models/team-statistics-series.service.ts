import { DomainError } from '@cdtt/event-sourcing';
import type { ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { REAGGREGATION_BY_PROVINCE_SQL, REAGGREGATION_TOTALS_SQL } from './reaggregation.sql';
import type { StatisticsLevel, TeamStatisticsService, UnitStatistics } from './team-statistics.service';

export type SeriesInterval = 'MONTH' | 'QUARTER' | 'YEAR';

/** Points per series: ten years of months is plenty and bounds the work of one request. */
export const MAX_SERIES_POINTS = 120;

const MONTHS: Record<SeriesInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** `from`, then every interval after it (the same day of the month, clamped to the month's end), up to `to`. */
export function seriesDates(from: string, to: string, interval: SeriesInterval): string[] | DomainError {
  if (to < from) return new DomainError('SERIES_RANGE_INVALID', 'to is before from.', ['to']);
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const dates: string[] = [];
  for (let step = 0; ; step += 1) {
    const monthIndex = m - 1 + step * MONTHS[interval];
    const year = y + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
    if (date > to) return dates;
    if (dates.length === MAX_SERIES_POINTS) {
      return new DomainError('SERIES_TOO_LONG', `A series has at most ${MAX_SERIES_POINTS} points: narrow the range or widen the interval.`, ['to']);
    }
    dates.push(date);
  }
}

export interface SeriesPoint {
  readonly asOf: string;
  /** Null when the unit is not in force on that date (e.g. a province merged in 2025). */
  readonly figures: UnitStatistics | null;
}

export interface ReaggregatedProvince {
  readonly code: string;
  /** Teams (and their distinct members) whose old commune went wholly to this province, or was left unchanged. */
  readonly activeTeams: number;
  readonly members: number;
  /** Teams whose old commune was split with a part in this province: shown apart, never allocated. */
  readonly partialActiveTeams: number;
  readonly partialMembers: number;
}

export interface Reaggregation {
  readonly asOf: string;
  readonly onto: string;
  readonly provinces: readonly ReaggregatedProvince[];
  /** National control totals; null for a portal (they are national figures). */
  readonly totals: ReaggregationTotals | null;
}

/** Teams active on asOf nationally = placedTeams + partialTeams + unmappedTeams: none lost, none counted twice. */
export interface ReaggregationTotals {
  readonly totalTeams: number;
  readonly placedTeams: number;
  readonly partialTeams: number;
  readonly unmappedTeams: number;
}

/**
 * Figures over time and across trees (ADR 0012): a series asks `unitStatistics` on each date, so
 * each point uses the tree in force then (three tiers before 2025-07-01, two after) and the national
 * line is continuous across the reform; a re-aggregation puts a past date's teams onto a later tree.
 */
export class TeamStatisticsSeriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: TeamStatisticsService,
  ) {}

  async series(code: string, level: StatisticsLevel, dates: readonly string[], scope: ProvinceScope): Promise<SeriesPoint[]> {
    const points: SeriesPoint[] = [];
    for (const asOf of dates) points.push({ asOf, figures: await this.statistics.unitStatistics(code, level, asOf, scope) });
    return points;
  }

  /** National re-aggregation; a restricted scope sees only its provinces' rows (totals are national, so not for portals). */
  async reaggregate(asOf: string, onto: string, scope: ProvinceScope): Promise<Reaggregation | DomainError> {
    if (onto <= asOf) return new DomainError('REAGGREGATION_RANGE_INVALID', 'onto must be after asOf.', ['onto']);
    const rows = await this.dataSource.query<Array<{ code: string; teams: number; members: number; partial_teams: number; partial_members: number }>>(
      REAGGREGATION_BY_PROVINCE_SQL,
      [asOf, onto],
    );
    const [totals] = await this.dataSource.query<Array<{ total_teams: number; placed_teams: number; partial_teams: number; unmapped_teams: number }>>(
      REAGGREGATION_TOTALS_SQL,
      [asOf, onto],
    );
    const provinces = rows
      .filter((row) => !scope.restricted || scope.canSee(row.code))
      .map((row) => ({ code: row.code, activeTeams: row.teams, members: row.members, partialActiveTeams: row.partial_teams, partialMembers: row.partial_members }));
    return {
      asOf,
      onto,
      provinces,
      totals:
        scope.restricted || !totals
          ? null
          : { totalTeams: totals.total_teams, placedTeams: totals.placed_teams, partialTeams: totals.partial_teams, unmappedTeams: totals.unmapped_teams },
    };
  }
}
