import { PreparedReads } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import type { GeographyFacts, TeamCoverageReader } from '../application/teams.ports';
import type { VillageFact } from '../domain/team.commands';
import { inForce } from './in-force.sql';

/**
 * Geography facts for team commands, read from this lib's copy of the geography events (the
 * `teams_v1` projection), and the cross-team coverage check of rule 2. Both are read models: a
 * unit or village recorded a moment ago is visible once the projector has applied it.
 */
export class TeamGeographyFacts implements GeographyFacts, TeamCoverageReader {
  /** Every read is by code or id, where one plan fits every value: prepared once per connection (ADR 0019). */
  private readonly sql: PreparedReads;

  constructor(dataSource: DataSource) {
    this.sql = new PreparedReads(dataSource, 'cdtt_team_facts');
  }

  async communeInForce(code: string, date: string): Promise<boolean> {
    const rows = await this.sql.query<unknown[]>(
      `SELECT 1 FROM team_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = $1 AND ${inForce('u', '$2')} LIMIT 1`,
      [code, date],
    );
    return rows.length > 0;
  }

  async provinceOfCommune(code: string, date: string): Promise<string | null> {
    const rows = await this.sql.query<Array<{ province_code: string }>>(
      `SELECT u.province_code FROM team_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = $1
       ORDER BY ${inForce('u', '$2')} DESC, u.valid_from DESC NULLS LAST LIMIT 1`,
      [code, date],
    );
    return rows[0]?.province_code ?? null;
  }

  /**
   * The villages with the commune each is in on the date. A reorganisation writes no village
   * event, so a village keeps the code of the commune it was registered in (or last moved to); on
   * the date it is in the commune that code's successions lead to (ADR 0012), step by step in date
   * order, as long as each step is the one FULL edge of its commune and date (the old commune went
   * wholly to one new one). A split commune (PARTIAL edges) does not say where its villages went:
   * they stay under the old code until someone records it (`moveVillage`).
   */
  async villages(ids: readonly string[], date: string): Promise<VillageFact[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<Array<{ village_id: string; commune_code: string; active: boolean }>>(
      `WITH RECURSIVE chain (village_id, code, since, depth) AS (
         SELECT v.village_id, v.commune_code, '-infinity'::date, 0 FROM team_villages_v1 v WHERE v.village_id = ANY($1::text[])
         UNION ALL
         SELECT c.village_id, step.to_code, step.effective_on, c.depth + 1 FROM chain c
         CROSS JOIN LATERAL (
           SELECT min(e.to_code) AS to_code, e.effective_on FROM reorganisation_edges_v1 e
           WHERE e.from_code = c.code AND e.effective_on > c.since AND e.effective_on <= $2::date
           GROUP BY e.effective_on HAVING count(*) = 1 AND bool_and(e.kind = 'FULL')
           ORDER BY e.effective_on LIMIT 1) step
         WHERE c.depth < 16
           -- Only the first succession after the village arrived counts: a later one waits its turn.
           AND NOT EXISTS (SELECT 1 FROM reorganisation_edges_v1 f
             WHERE f.from_code = c.code AND f.effective_on > c.since AND f.effective_on < step.effective_on))
       SELECT DISTINCT ON (c.village_id) c.village_id, c.code AS commune_code,
         (v.registered_on <= $2::date AND (v.retired_on IS NULL OR v.retired_on > $2::date)) AS active
       FROM chain c JOIN team_villages_v1 v ON v.village_id = c.village_id
       ORDER BY c.village_id, c.depth DESC`,
      [ids, date],
    );
    return rows.map((row) => ({ id: row.village_id, communeCode: row.commune_code, active: row.active }));
  }

  async villagesServedByOtherTeams(villageIds: readonly string[], exceptTeamId: string): Promise<string[]> {
    if (villageIds.length === 0) return [];
    const rows = await this.sql.query<Array<{ village_id: string }>>(
      `SELECT DISTINCT c.village_id FROM team_coverage_v1 c JOIN teams_v1 t ON t.id = c.team_id
       WHERE c.village_id = ANY($1::text[]) AND c.valid_to IS NULL AND t.id <> $2::uuid
         AND t.status = 'ACTIVE' AND t.level = 'VILLAGE'`,
      [villageIds, exceptTeamId],
    );
    return rows.map((row) => row.village_id);
  }
}
