import type { DataSource } from 'typeorm';
import type { ProvinceScope } from '@cdtt/platform';
import type { SealedPersonalData } from '../domain/person.events';
import { ERASED, type PersonalDataVault } from '../personal-data/personal-data.vault';
import { TEAM_COLUMNS, type MemberView, type TeamFilter, type TeamOrder, type TeamRow, type VillageView } from './team.rows';
import { teamScopeFilter } from './team-scope.sql';

export interface TeamPage {
  readonly rows: TeamRow[];
  readonly totalCount: number;
}

const ORDER_COLUMN = { NAME: 't.name', ESTABLISHED_ON: 't.established_on' } as const;

/**
 * Reads of teams: SQL over this lib's tables; personal fields opened here, at read time. Every read
 * takes the caller's scope and filters in SQL on `teams_v1.visible_province_codes` (where the team is
 * attached now, `teamScopeFilter`): a team outside a portal's provinces reads as absent.
 */
export class TeamReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async findTeam(id: string, scope: ProvinceScope): Promise<TeamRow | null> {
    const rows = await this.dataSource.query<TeamRow[]>(
      `SELECT ${TEAM_COLUMNS} FROM teams_v1 t WHERE t.id = $1::uuid AND ${teamScopeFilter('t', '$2')}`,
      [id, scope.sqlParam],
    );
    return rows[0] ?? null;
  }

  /**
   * A page of teams in a stable order (the sort key, then id as the unique tie-breaker).
   * `after` holds the last row's [key, id]; `limit` is one more than the page to detect a next page.
   */
  async listTeams(
    filter: TeamFilter,
    order: TeamOrder,
    limit: number,
    after: readonly [string, string] | null,
    scope: ProvinceScope,
  ): Promise<TeamPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    // The scope first: a filter on another province then simply finds nothing.
    add((p) => teamScopeFilter('t', p), scope.sqlParam);
    // Containment, not `= ANY(…)`: only this form can use the GIN index on the array.
    if (filter.provinceCode) add((p) => `t.visible_province_codes @> ARRAY[${p}::text]`, filter.provinceCode);
    if (filter.communeCode) add((p) => `t.commune_code = ${p}`, filter.communeCode);
    if (filter.status) add((p) => `t.status = ${p}`, filter.status);
    if (typeof filter.hasYouthUnionMember === 'boolean') add((p) => `t.has_youth_union_member = ${p}`, filter.hasYouthUnionMember);
    const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const counted = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM teams_v1 t ${filtered}`, params);

    const column = ORDER_COLUMN[order.field];
    const keyCast = order.field === 'NAME' ? 'text' : 'date';
    const direction = order.direction === 'DESC' ? 'DESC' : 'ASC';
    const pageWhere = [...where];
    const pageParams = [...params];
    if (after) {
      pageParams.push(after[0], after[1]);
      const [k, i] = [`$${pageParams.length - 1}`, `$${pageParams.length}`];
      pageWhere.push(`(${column}, t.id) ${direction === 'ASC' ? '>' : '<'} (${k}::${keyCast}, ${i}::uuid)`);
    }
    pageParams.push(limit);
    const rows = await this.dataSource.query<TeamRow[]>(
      `SELECT ${TEAM_COLUMNS} FROM teams_v1 t ${pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''}
       ORDER BY ${column} ${direction}, t.id ${direction} LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, totalCount: counted[0]?.n ?? 0 };
  }

  /** Current members, leader first, then deputies, then members, each by the date of their role. */
  async currentMembers(teamId: string, scope: ProvinceScope): Promise<MemberView[]> {
    const rows = await this.dataSource.query<
      Array<{ person_id: string; role: MemberView['role']; since: string; personal_data: SealedPersonalData | null; yu: boolean }>
    >(
      `SELECT m.person_id, m.role, m.valid_from::text AS since, p.personal_data,
         (p.youth_union_since IS NOT NULL AND p.youth_union_until IS NULL) AS yu
       FROM team_memberships_v1 m LEFT JOIN people_v1 p ON p.person_id = m.person_id
       JOIN teams_v1 t ON t.id = m.team_id
       WHERE m.team_id = $1::uuid AND m.valid_to IS NULL AND ${teamScopeFilter('t', '$2')}
       ORDER BY array_position(ARRAY['LEADER','DEPUTY','MEMBER'], m.role), m.valid_from, m.person_id`,
      [teamId, scope.sqlParam],
    );
    const opened = await this.vault.open(rows.map((row) => ({ personId: row.person_id, personal: row.personal_data })));
    return rows.map((row) => {
      const fields = opened.get(row.person_id) ?? null;
      return {
        personId: row.person_id,
        role: row.role,
        since: row.since,
        fullName: fields?.fullName ?? ERASED,
        phone: fields ? fields.phone : ERASED,
        youthUnionMember: row.yu === true,
        erased: fields === null,
      };
    });
  }

  async currentVillages(teamId: string, scope: ProvinceScope): Promise<VillageView[]> {
    const rows = await this.dataSource.query<Array<{ village_id: string; name: string | null; since: string }>>(
      `SELECT c.village_id, v.name, c.valid_from::text AS since
       FROM team_coverage_v1 c LEFT JOIN team_villages_v1 v ON v.village_id = c.village_id
       JOIN teams_v1 t ON t.id = c.team_id
       WHERE c.team_id = $1::uuid AND c.valid_to IS NULL AND ${teamScopeFilter('t', '$2')}
       ORDER BY v.name, c.village_id`,
      [teamId, scope.sqlParam],
    );
    return rows.map((row) => ({ villageId: row.village_id, name: row.name, since: row.since }));
  }
}
