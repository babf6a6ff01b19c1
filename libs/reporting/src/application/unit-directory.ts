import type { GeographyReadService } from '@cdtt/geography';
import type { ProvinceScope } from '@cdtt/platform';
import type { TeamFiguresRead, TeamReadService, TeamStatisticsService } from '@cdtt/teams';
import type { LocalDate, ReportingUnit } from '../domain/reporting.model';
import type { FigureUnit, ReporterDirectory, ResolvedUnit, TeamsFigures, UnitDirectory } from './reporting.ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Units from the geography read model (public reference data) and teams from the teams read model, scoped. */
export class RegistryUnitDirectory implements UnitDirectory, ReporterDirectory {
  constructor(
    private readonly geography: GeographyReadService,
    private readonly teamReads: () => TeamReadService,
  ) {}

  private get teams(): TeamReadService {
    return this.teamReads();
  }

  async resolve(unit: ReportingUnit, asOf: LocalDate, scope: ProvinceScope): Promise<ResolvedUnit | null> {
    if (unit.level === 'TEAM') {
      if (!UUID.test(unit.code)) return null;
      const team = await this.teams.findTeam(unit.code, scope);
      if (!team?.province_code) return null;
      return { unit, provinceCode: team.province_code, parent: { level: 'COMMUNE', code: team.commune_code }, name: team.name };
    }
    const found = await this.geography.findUnit(unit.level, unit.code, asOf);
    if (!found || !scope.canSee(found.provinceCode)) return null;
    const parent: ReportingUnit | null = unit.level === 'COMMUNE' ? { level: 'PROVINCE', code: found.provinceCode } : null;
    return { unit, provinceCode: found.provinceCode, parent, name: found.name };
  }

  async reportersOf(unit: FigureUnit, asOf: LocalDate, scope: ProvinceScope): Promise<{ level: ReportingUnit['level']; codes: string[] } | null> {
    if (unit.level === 'COMMUNE') {
      // Teams active today under the commune (the teams read model keeps no per-date status list here).
      const page = await this.teams.listTeams({ communeCode: unit.code, status: 'ACTIVE' }, { field: 'NAME', direction: 'ASC' }, 10_000, null, scope);
      return { level: 'TEAM', codes: page.rows.map((row) => row.id) };
    }
    if (unit.level !== 'NATIONAL' && unit.level !== 'PROVINCE') return null;
    const level = unit.level === 'NATIONAL' ? 'PROVINCE' : 'COMMUNE';
    const codes: string[] = [];
    for (let after: string | null = null; ; ) {
      const page = await this.geography.listUnits(level, unit.level === 'NATIONAL' ? null : unit.code, asOf, 100, after);
      codes.push(...page.edges.filter((edge) => scope.canSee(edge.record.provinceCode)).map((edge) => edge.record.code));
      if (!page.hasNextPage || page.edges.length === 0) break;
      after = page.edges.at(-1)!.cursor;
    }
    return { level, codes };
  }
}

/**
 * Team figures: TeamStatisticsService for the nation, provinces and communes; a single team's
 * members and Youth Union figures (and whether it is active) from TeamFiguresRead. A team has no
 * village or commune-coverage figures of its own: those indicators read as no figure for a team.
 */
export class RegistryTeamsFigures implements TeamsFigures {
  constructor(
    private readonly statistics: TeamStatisticsService,
    private readonly teamFigures: TeamFiguresRead,
  ) {}

  async measures(unit: FigureUnit, asOf: LocalDate, scope: ProvinceScope): Promise<ReadonlyMap<string, number> | null> {
    if (unit.level === 'TEAM') {
      const t = await this.teamFigures.figures(unit.code, asOf, scope);
      if (!t) return null;
      return new Map<string, number>([
        ['ACTIVE_TEAMS', t.activeTeams],
        ['MEMBERS', t.members],
        ['LEADERS', t.leaders],
        ['YOUTH_UNION_MEMBERS', t.youthUnionMembers],
        ['TEAMS_WITHOUT_YOUTH_UNION_MEMBER', t.teamsWithoutYouthUnionMember],
      ]);
    }
    if (unit.level !== 'PROVINCE' && unit.level !== 'COMMUNE' && unit.level !== 'NATIONAL') return null;
    const s = await this.statistics.unitStatistics(unit.code, unit.level, asOf, scope);
    if (!s) return null;
    return new Map<string, number>([
      ['ACTIVE_TEAMS', s.activeTeams],
      ['VILLAGES', s.villages],
      ['VILLAGES_COVERED', s.villagesCovered],
      ['COMMUNES_AT_FULL_COVERAGE', s.communesAtFullCoverage],
      ['MEMBERS', s.members],
      ['LEADERS', s.leaders],
      ['YOUTH_UNION_MEMBERS', s.youthUnionMembers],
      ['TEAMS_WITHOUT_YOUTH_UNION_MEMBER', s.teamsWithoutYouthUnionMember],
    ]);
  }
}
