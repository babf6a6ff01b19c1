import type { DataSource } from 'typeorm';
import type { ProvinceScope } from '@cdtt/platform';
import { teamScopeFilter } from './team-scope.sql';

/** One team's figures on a date, named as the per-level statistics' (UnitStatistics) counterparts. */
export interface TeamFigureSet {
  /** 1 when the team is active on the date (established, not dissolved), else 0. */
  readonly activeTeams: number;
  /** Distinct persons with a membership in force on the date (0 when the team is not active then). */
  readonly members: number;
  readonly leaders: number;
  /** Members in the Youth Union on the date. */
  readonly youthUnionMembers: number;
  /** 1 when the team is active without a Youth Union member on the date (rule 4), else 0. */
  readonly teamsWithoutYouthUnionMember: number;
}

/**
 * A single team's members and Youth Union figures on a date, from the teams read model, with the
 * same definitions as the commune/province/nation statistics (team-statistics.sql.ts). Null when
 * the team is unknown or outside the caller's provinces (the two look the same; the scope is the
 * teams context's own, teamScopeFilter).
 */
export class TeamFiguresRead {
  constructor(private readonly dataSource: DataSource) {}

  async figures(teamId: string, asOf: string, scope: ProvinceScope): Promise<TeamFigureSet | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(teamId) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
    const rows = await this.dataSource.query<Array<{ active: boolean; members: number; leaders: number; yu: number }>>(
      `SELECT (t.established_on <= $2::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $2::date)) AS active,
         count(DISTINCT m.person_id)::int AS members,
         count(DISTINCT m.person_id) FILTER (WHERE m.role = 'LEADER')::int AS leaders,
         count(DISTINCT m.person_id) FILTER (WHERE p.youth_union_since <= $2::date AND (p.youth_union_until IS NULL OR p.youth_union_until > $2::date))::int AS yu
       FROM teams_v1 t
       LEFT JOIN team_memberships_v1 m ON m.team_id = t.id AND m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $2::date)
         AND t.established_on <= $2::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $2::date)
       LEFT JOIN people_v1 p ON p.person_id = m.person_id
       WHERE t.id = $1::uuid AND ${teamScopeFilter('t', '$3')}
       GROUP BY t.id, t.established_on, t.dissolved_on`,
      [teamId, asOf, scope.sqlParam],
    );
    const row = rows[0];
    if (!row) return null;
    const active = row.active ? 1 : 0;
    return { activeTeams: active, members: row.members, leaders: row.leaders, youthUnionMembers: row.yu, teamsWithoutYouthUnionMember: active === 1 && row.yu === 0 ? 1 : 0 };
  }
}
