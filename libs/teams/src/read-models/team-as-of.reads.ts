import type { DataSource } from 'typeorm';
import { endOfLocalDate, RecordedTimeTravel, TimeBasis, type ProvinceScope } from '@cdtt/platform';
import type { SealedPersonalData } from '../domain/person.events';
import type { PersonalDataVault } from '../personal-data/personal-data.vault';
import { inForce } from './in-force.sql';
import { TEAM_COLUMNS, type MemberView, type TeamRow, type VillageView } from './team.rows';
import { memberViewOf } from './team-read.service';
import { teamScopeFilter } from './team-scope.sql';

/** What `query` is needed for; a DataSource, or the executor of a RECORDED read. */
interface Sql {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** A team as it stood on a date: the row, the members and villages in force then. */
export interface TeamAsOf {
  readonly row: TeamRow;
  readonly members: MemberView[];
  readonly villages: VillageView[];
}

interface MemberRow {
  person_id: string;
  role: MemberView['role'];
  since: string;
  personal_data: SealedPersonalData | null;
  yu: boolean;
}

/**
 * A team on a date, on either clock (ADR 0011). EFFECTIVE reads the dated rows as they are now;
 * RECORDED reads them as they were recorded by the end of that date (RecordedTimeTravel). Personal
 * fields are opened with the person's key as it is now: `[erased]` once forgotten, on both clocks.
 */
export class TeamAsOfReads {
  private readonly travel: RecordedTimeTravel;

  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {
    this.travel = new RecordedTimeTravel(dataSource);
  }

  async team(id: string, date: string, basis: TimeBasis, scope: ProvinceScope): Promise<TeamAsOf | null> {
    const read = (sql: Sql) => this.readOn(sql, id, date, scope);
    const found = basis === TimeBasis.RECORDED ? await this.travel.at(endOfLocalDate(date), (executor) => read(executor as Sql)) : await read(this.dataSource);
    if (!found) return null;
    const opened = await this.vault.open(found.members.map((m) => ({ personId: m.person_id, personal: m.personal_data })));
    const members = found.members.map((m) => memberViewOf(m, opened.get(m.person_id) ?? null));
    return { row: found.row, members, villages: found.villages };
  }

  private async readOn(sql: Sql, id: string, date: string, scope: ProvinceScope): Promise<{ row: TeamRow; members: MemberRow[]; villages: VillageView[] } | null> {
    const [row] = await sql.query<TeamRow[]>(
      `SELECT ${TEAM_COLUMNS} FROM teams_v1 t WHERE t.id = $1::uuid AND t.established_on <= $3::date AND ${teamScopeFilter('t', '$2')}`,
      [id, scope.sqlParam, date],
    );
    if (!row) return null;
    // The row holds the latest status; on an earlier date a later dissolution had not happened yet.
    if (row.dissolved_on !== null && row.dissolved_on > date) Object.assign(row, { status: 'ACTIVE', dissolved_on: null });
    const members = await sql.query<MemberRow[]>(
      `SELECT m.person_id, m.role, m.valid_from::text AS since, p.personal_data,
         COALESCE(p.youth_union_since <= $2::date AND (p.youth_union_until IS NULL OR p.youth_union_until > $2::date), false) AS yu
       FROM team_memberships_v1 m LEFT JOIN people_v1 p ON p.person_id = m.person_id
       WHERE m.team_id = $1::uuid AND ${inForce('m', '$2')}
       ORDER BY array_position(ARRAY['LEADER','DEPUTY','MEMBER'], m.role), m.valid_from, m.person_id`,
      [id, date],
    );
    const villages = await sql.query<Array<{ village_id: string; name: string | null; since: string }>>(
      `SELECT c.village_id, v.name, c.valid_from::text AS since
       FROM team_coverage_v1 c LEFT JOIN team_villages_v1 v ON v.village_id = c.village_id
       WHERE c.team_id = $1::uuid AND ${inForce('c', '$2')} ORDER BY v.name, c.village_id`,
      [id, date],
    );
    return { row, members, villages: villages.map((v) => ({ villageId: v.village_id, name: v.name, since: v.since })) };
  }
}
