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

  async villages(ids: readonly string[], date: string): Promise<VillageFact[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<Array<{ village_id: string; commune_code: string; active: boolean }>>(
      `SELECT village_id, commune_code, (registered_on <= $2::date AND (retired_on IS NULL OR retired_on > $2::date)) AS active
       FROM team_villages_v1 WHERE village_id = ANY($1::text[])`,
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
