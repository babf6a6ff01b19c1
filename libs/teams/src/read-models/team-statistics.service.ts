import type { DataSource } from 'typeorm';
import { PreparedReads, type ProvinceScope } from '@cdtt/platform';
import { inForce } from './in-force.sql';
import type { StatisticsCache } from './statistics-cache';
import { statisticsSql, type StatisticsScope } from './team-statistics.sql';

/** DISTRICT exists only for dates before 2025-07-01 (the three-tier tree, history). */
export type StatisticsLevel = 'COMMUNE' | 'DISTRICT' | 'PROVINCE' | 'NATIONAL';

/** The code the nation is reported under. */
export const NATIONAL_CODE = 'VN';

/**
 * Figures for one unit on a date `d` (the as-of date; the unit tree is the one in force on d:
 * two tiers from 2025-07-01, three before). "Active team on d": established_on <= d and not
 * dissolved on or before d. Everything counts within the unit's communes in force on d.
 */
export interface UnitStatistics {
  readonly code: string;
  readonly level: StatisticsLevel;
  readonly name: string;
  readonly asOf: string;
  /** Teams active on d whose commune is in the unit. */
  readonly activeTeams: number;
  /** Villages registered on or before d and not retired on or before d, in the unit's communes. */
  readonly villages: number;
  /** Those villages served on d (a coverage row in force on d) by at least one active team. */
  readonly villagesCovered: number;
  /** villagesCovered ÷ villages; null when the unit has no villages. */
  readonly coverageRatio: number | null;
  /** Communes with at least one village, all of them covered on d. */
  readonly communesAtFullCoverage: number;
  /** Distinct persons with a membership in force on d in an active team of the unit. */
  readonly members: number;
  /** Distinct persons who are LEADER on d of an active team of the unit. */
  readonly leaders: number;
  /** Distinct members (as above) whose Youth Union membership covers d (since <= d < until). */
  readonly youthUnionMembers: number;
  /** youthUnionMembers ÷ members; null when there are no members. */
  readonly youthUnionShare: number | null;
  /** Active teams with no member who is a Youth Union member on d (rule 4: flagged). */
  readonly teamsWithoutYouthUnionMember: number;
}

interface FigureRow {
  code: string;
  active_teams: number;
  villages: number;
  villages_covered: number;
  communes_at_full_coverage: number;
  members: number;
  leaders: number;
  youth_union_members: number;
  teams_without_youth_union_member: number;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Statistics at commune, province and national level, by SQL over the teams read models. A
 * restricted scope (a portal) sees its provinces and their communes only; the nation only when
 * `portalsSeeNational` (env PORTALS_SEE_NATIONAL_STATISTICS). Anything else reads as a unit that
 * is not in force: null, exactly as for an unknown code.
 */
export class TeamStatisticsService {
  /**
   * The unit lookup of every request, prepared once per connection (ADR 0019): one plan fits every
   * code. Live reads only (those with the cache): a prepared statement names the live table, where
   * a time-travel executor must read its temporary views of the same name.
   */
  private readonly units: Pick<DataSource, 'query'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { readonly portalsSeeNational: boolean } = { portalsSeeNational: false },
    /** Live reads only: a time-travel executor (RECORDED basis) reads other tables than the checkpoint versions. */
    private readonly cache: StatisticsCache | null = null,
  ) {
    this.units = cache ? new PreparedReads(dataSource, 'cdtt_statistics_units') : dataSource;
  }

  private seesNation(scope: ProvinceScope): boolean {
    return !scope.restricted || this.options.portalsSeeNational;
  }

  async unitStatistics(code: string, level: StatisticsLevel, asOf: string, scope: ProvinceScope): Promise<UnitStatistics | null> {
    if (level === 'NATIONAL') {
      if (!this.seesNation(scope)) return null;
      return (await this.compute({ kind: 'NATIONAL' }, [NATIONAL_CODE], 'NATIONAL', asOf, new Map([[NATIONAL_CODE, 'Việt Nam']]), await this.versionNow()))[0] ?? null;
    }
    // One version for both answers: the unit's name and its figures come from the same tables
    // (this lib's copy of the units is a teams_v1 read model), so both are remembered under it.
    const version = await this.versionNow();
    const names = await this.unitNames(level, [code], asOf, scope, version);
    if (!names.has(code)) return null;
    const kind = level === 'COMMUNE' ? 'COMMUNES' : level === 'DISTRICT' ? 'DISTRICTS' : 'PROVINCES';
    return (await this.compute({ kind, codes: [code] }, [code], level, asOf, names, version))[0] ?? null;
  }

  /**
   * The children of a unit on d (nation → provinces, province → communes), ordered by code;
   * `afterCode` continues a page. Null when the parent unit is not in force on d.
   */
  async childStatistics(
    code: string,
    level: 'DISTRICT' | 'PROVINCE' | 'NATIONAL',
    asOf: string,
    limit: number,
    afterCode: string | null,
    scope: ProvinceScope,
  ): Promise<{ items: UnitStatistics[]; totalCount: number } | null> {
    if (level === 'NATIONAL' && !this.seesNation(scope)) return null;
    if (level !== 'NATIONAL' && !(await this.unitNames(level, [code], asOf, scope)).has(code)) return null;
    const childLevel = level === 'NATIONAL' ? 'PROVINCE' : 'COMMUNE';
    // Even a portal that sees the nation's totals lists only its own provinces as children.
    const parent = { NATIONAL: '', PROVINCE: 'AND u.province_code = $4', DISTRICT: 'AND u.parent_code = $4' }[level];
    const parentFilter = `AND ${scope.sqlFilter('u.province_code', '$3')} ${parent}`;
    const params = level === 'NATIONAL' ? [childLevel, asOf, scope.sqlParam] : [childLevel, asOf, scope.sqlParam, code];
    const total = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM team_admin_units_v1 u WHERE u.level = $1 AND ${inForce('u', '$2')} ${parentFilter}`,
      params,
    );
    const page = await this.dataSource.query<Array<{ code: string; name: string }>>(
      `SELECT u.code, u.name FROM team_admin_units_v1 u WHERE u.level = $1 AND ${inForce('u', '$2')} ${parentFilter}
       AND ($${params.length + 1}::text IS NULL OR u.code > $${params.length + 1}) ORDER BY u.code LIMIT $${params.length + 2}`,
      [...params, afterCode, limit],
    );
    const codes = page.map((row) => row.code);
    const names = new Map(page.map((row) => [row.code, row.name]));
    const units: StatisticsScope = childLevel === 'PROVINCE' ? { kind: 'PROVINCES', codes } : { kind: 'COMMUNES', codes };
    const items = codes.length === 0 ? [] : await this.compute(units, codes, childLevel, asOf, names, await this.versionNow());
    return { items, totalCount: total[0]?.n ?? 0 };
  }

  /**
   * Names of the units in force on asOf and in scope (a commune by its province then); remembered
   * at `version` when one is given (live reads), read afresh otherwise.
   */
  private async unitNames(level: StatisticsLevel, codes: readonly string[], asOf: string, scope: ProvinceScope, version: string | null = null): Promise<Map<string, string>> {
    const read = async (): Promise<Array<[string, string]>> => {
      const rows = await this.units.query<Array<{ code: string; name: string }>>(
        `SELECT u.code, u.name FROM team_admin_units_v1 u WHERE u.level = $1 AND u.code = ANY($2::text[]) AND ${inForce('u', '$3')}
           AND ${scope.sqlFilter('u.province_code', '$4')}`,
        [level, codes, asOf, scope.sqlParam],
      );
      return rows.map((row) => [row.code, row.name]);
    };
    return new Map(await this.remember(version, `units|${JSON.stringify([level, codes, asOf, scope.sqlParam])}`, read));
  }

  /** The read models' version now, for answers remembered under it; null without a cache. */
  private async versionNow(): Promise<string | null> {
    return this.cache ? this.cache.version() : null;
  }

  /** The answer remembered at `version`, else read (always read without a cache or a version). */
  private remember<T>(version: string | null, key: string, read: () => Promise<T>): Promise<T> {
    return this.cache && version !== null ? this.cache.at(version, key, read) : read();
  }

  private async compute(
    scope: StatisticsScope,
    groups: readonly string[],
    level: StatisticsLevel,
    asOf: string,
    names: ReadonlyMap<string, string>,
    version: string | null,
  ): Promise<UnitStatistics[]> {
    const sql = statisticsSql(scope);
    const query = (): Promise<FigureRow[]> => this.dataSource.query<FigureRow[]>(sql, [asOf, groups]);
    const rows = await this.remember(version, JSON.stringify([scope, groups, asOf]), query);
    return rows.map((row) => ({
      code: row.code,
      level,
      name: names.get(row.code) ?? row.code,
      asOf,
      activeTeams: row.active_teams,
      villages: row.villages,
      villagesCovered: row.villages_covered,
      coverageRatio: ratio(row.villages_covered, row.villages),
      communesAtFullCoverage: row.communes_at_full_coverage,
      members: row.members,
      leaders: row.leaders,
      youthUnionMembers: row.youth_union_members,
      youthUnionShare: ratio(row.youth_union_members, row.members),
      teamsWithoutYouthUnionMember: row.teams_without_youth_union_member,
    }));
  }
}
