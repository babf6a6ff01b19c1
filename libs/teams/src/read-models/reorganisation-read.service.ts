import type { ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { TEAM_COLUMNS, type TeamRow } from './team.rows';

export type ReorganisationStatus = 'AWAITING_REDECISION' | 'AWAITING_ASSIGNMENT';

/** Where a team stands after a reorganisation (`team_reorganisation_v1`). */
export interface TeamReorganisationRow {
  team_id: string;
  status: ReorganisationStatus;
  from_commune_code: string;
  successor_codes: string[];
  since: string;
}

export interface WorkItemRow extends TeamRow {
  reorganisation: TeamReorganisationRow;
}

const REORGANISATION_COLUMNS = `r.team_id::text AS team_id, r.status, r.from_commune_code, r.successor_codes, r.since::text AS since`;

/**
 * Work of the 2025 reform and later reorganisations, per province: teams held for a successor
 * choice (whose successors lie in the province) or awaiting a reissued decision (whose commune is
 * in the province now). Oldest first, then by team id.
 */
export class ReorganisationReadService {
  constructor(private readonly dataSource: DataSource) {}

  async statusOf(teamId: string): Promise<TeamReorganisationRow | null> {
    const rows = await this.dataSource.query<TeamReorganisationRow[]>(
      `SELECT ${REORGANISATION_COLUMNS} FROM team_reorganisation_v1 r WHERE r.team_id = $1::uuid`,
      [teamId],
    );
    return rows[0] ?? null;
  }

  /** A province outside the caller's scope reads as an empty queue, as if it had no work. */
  async workQueue(
    provinceCode: string,
    status: ReorganisationStatus,
    limit: number,
    after: readonly [string, string] | null,
    scope: ProvinceScope,
  ): Promise<{ rows: WorkItemRow[]; totalCount: number }> {
    if (scope.restricted && !scope.canSee(provinceCode)) return { rows: [], totalCount: 0 };
    const where = `r.status = $1 AND (CASE WHEN r.status = 'AWAITING_ASSIGNMENT' THEN $2 = ANY(r.province_codes)
      ELSE EXISTS (SELECT 1 FROM team_communes_v1 c WHERE c.team_id = r.team_id AND c.valid_to IS NULL AND c.province_code = $2) END)`;
    const total = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM team_reorganisation_v1 r WHERE ${where}`, [
      status,
      provinceCode,
    ]);
    // Aliased: teams_v1 has its own `status` (ACTIVE, DISSOLVED).
    const rows = await this.dataSource.query<Array<TeamRow & { r_status: ReorganisationStatus; from_commune_code: string; successor_codes: string[]; since: string }>>(
      `SELECT ${TEAM_COLUMNS}, r.status AS r_status, r.from_commune_code, r.successor_codes, r.since::text AS since
       FROM team_reorganisation_v1 r JOIN teams_v1 t ON t.id = r.team_id
       WHERE ${where} AND ($3::date IS NULL OR (r.since, r.team_id::text) > ($3::date, $4::text))
       ORDER BY r.since, r.team_id LIMIT $5`,
      [status, provinceCode, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return {
      totalCount: total[0]?.n ?? 0,
      rows: rows.map((row) => {
        const { r_status, from_commune_code, successor_codes, since, ...team } = row;
        return { ...team, reorganisation: { team_id: team.id, status: r_status, from_commune_code, successor_codes, since } };
      }),
    };
  }
}
