import type { DataSource } from 'typeorm';
import { endOfLocalDate, RecordedTimeTravel, type ProvinceScope } from '@cdtt/platform';
import { TeamStatisticsService, type StatisticsLevel, type UnitStatistics } from './team-statistics.service';

/**
 * Statistics on the RECORDED clock (ADR 0011): the same service and SQL as the EFFECTIVE figures,
 * run where the teams tables read as they were recorded by the end of `asOf`.
 */
export class RecordedTeamStatistics {
  private readonly travel: RecordedTimeTravel;

  constructor(
    dataSource: DataSource,
    private readonly options: { readonly portalsSeeNational: boolean },
  ) {
    this.travel = new RecordedTimeTravel(dataSource);
  }

  unitStatistics(code: string, level: StatisticsLevel, asOf: string, scope: ProvinceScope): Promise<UnitStatistics | null> {
    // The service only runs `query`: the time-travel executor stands in for its DataSource.
    return this.travel.at(endOfLocalDate(asOf), (executor) => new TeamStatisticsService(executor as unknown as DataSource, this.options).unitStatistics(code, level, asOf, scope));
  }
}
