import type { DataSource } from 'typeorm';
import type { ProvinceScope } from '@cdtt/platform';
import { teamScopeFilter } from './team-scope.sql';

/**
 * Which people a caller may see and change. A person belongs to no province of their own: a portal
 * sees those who are or were members of a team now attached to its provinces (`team_memberships_v1`
 * keeps past memberships; a re-attached team takes its members' visibility with it), and nobody
 * else, so a person known only to another province reads as unknown.
 */
export class PersonReadService {
  constructor(private readonly dataSource: DataSource) {}

  async isVisible(personId: string, scope: ProvinceScope): Promise<boolean> {
    if (!scope.restricted) return true;
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM team_memberships_v1 m JOIN teams_v1 t ON t.id = m.team_id
       WHERE m.person_id = $1::uuid AND ${teamScopeFilter('t', '$2')} LIMIT 1`,
      [personId, scope.sqlParam],
    );
    return rows.length > 0;
  }
}
