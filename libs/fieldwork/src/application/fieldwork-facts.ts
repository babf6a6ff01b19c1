import type { EventStore } from '@cdtt/event-sourcing';
import { PreparedReads, type ProvinceScope } from '@cdtt/platform';
import { personDecider } from '@cdtt/teams';
import type { DataSource } from 'typeorm';
import type { TeamFacts, VillageFacts } from '../domain/team-facts';
import type { PersonStatus } from '../domain/training.commands';
import { loadState } from './command-execution';
import type { FieldworkFacts } from './fieldwork.ports';
import { TeamHistory } from './team-history';

const UNKNOWN_TEAM: TeamFacts = { found: false, communeCode: '', succeededCommunes: new Set(), provinceCode: null, activeOnDate: false, membersOnDate: new Set(), leaderOnDate: null };
const UNKNOWN_VILLAGE: VillageFacts = { found: false, communeCode: '', activeOnDate: false };

/** `[valid_from, valid_to)` in force on the date in `$n` (null ends are open). */
const inForce = (alias: string, p: string): string =>
  `((${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${p}::date) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${p}::date))`;

/**
 * Teams and persons are folded from their own streams (the authority: a member added a moment ago
 * counts at once); units and villages come from this lib's copy of the geography events.
 */
export class StoreAndSqlFieldworkFacts implements FieldworkFacts {
  /** Every read is by key, where one plan fits every value: prepared once per connection (ADR 0019). */
  private readonly sql: PreparedReads;

  constructor(
    private readonly store: EventStore,
    dataSource: DataSource,
  ) {
    this.sql = new PreparedReads(dataSource, 'cdtt_fieldwork_facts');
  }

  async team(teamId: string, date: string, scope: ProvinceScope): Promise<TeamFacts> {
    const events = await this.store.readStream(`team-${teamId}`);
    const history = TeamHistory.of(events);
    if (history.establishedOn === null) return UNKNOWN_TEAM;
    // Access follows where the team is attached now (ADR 0012, amendment), as teams_v1 records it.
    if (scope.restricted && !(await this.currentProvinces(history)).some((code) => scope.canSee(code))) return UNKNOWN_TEAM;
    // The record keeps the commune and province of its own date (history and statistics).
    const spell = history.communeOn(date);
    const communeCode = spell?.code ?? history.communeCode;
    return {
      found: true,
      communeCode,
      succeededCommunes: history.succeededOn(date),
      provinceCode: await this.provinceOf(communeCode, spell && spell.from > date ? spell.from : date),
      activeOnDate: history.activeOn(date),
      membersOnDate: history.membersOn(date),
      leaderOnDate: history.leaderOn(date),
    };
  }

  async village(villageId: string, date: string, scope: ProvinceScope): Promise<VillageFacts> {
    const rows = await this.sql.query<Array<{ commune_code: string; active: boolean }>>(
      `SELECT commune_code, (registered_on <= $2::date AND (retired_on IS NULL OR retired_on > $2::date)) AS active
       FROM fw_villages_v1 WHERE village_id = $1`,
      [villageId, date],
    );
    const row = rows[0];
    if (!row || !scope.canSee(await this.provinceOf(row.commune_code, date))) return UNKNOWN_VILLAGE;
    return { found: true, communeCode: row.commune_code, activeOnDate: row.active };
  }

  async persons(personIds: readonly string[], scope: ProvinceScope): Promise<Map<string, PersonStatus>> {
    // People have no province of their own: a portal may name those who are or were members of its
    // provinces' teams (as in the teams context); anyone else reads as unknown ('NONE').
    const visible = scope.restricted ? await this.visiblePersons(personIds, scope) : null;
    const statuses = new Map<string, PersonStatus>();
    for (const personId of personIds) {
      statuses.set(personId, visible && !visible.has(personId) ? 'NONE' : (await loadState(this.store, personDecider, `person-${personId}`)).state.status);
    }
    return statuses;
  }

  private async visiblePersons(personIds: readonly string[], scope: ProvinceScope): Promise<Set<string>> {
    const rows = await this.sql.query<Array<{ person_id: string }>>(
      `SELECT DISTINCT m.person_id::text AS person_id FROM fw_team_memberships_v1 m JOIN fw_teams_v1 t ON t.id = m.team_id
       WHERE m.person_id::text = ANY($1::text[]) AND ${scope.sqlFilter('t.province_code', '$2')}`,
      [[...personIds], scope.sqlParam],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  async unit(level: 'PROVINCE' | 'COMMUNE', code: string, date: string, scope: ProvinceScope): Promise<{ inForce: boolean; provinceCode: string | null }> {
    const rows = await this.sql.query<Array<{ province_code: string }>>(
      `SELECT u.province_code FROM fw_admin_units_v1 u WHERE u.level = $1 AND u.code = $2 AND ${inForce('u', '$3')} LIMIT 1`,
      [level, code, date],
    );
    const provinceCode = rows[0]?.province_code ?? null;
    return provinceCode !== null && scope.canSee(provinceCode) ? { inForce: true, provinceCode } : { inForce: false, provinceCode: null };
  }

  /** Its current commune's province (as in force when it joined it), or every successor's while it is held. */
  private async currentProvinces(history: TeamHistory): Promise<string[]> {
    const { held } = history;
    const current = history.communes.at(-1);
    const spells = held ? held.successorCodes.map((code) => ({ code, from: held.since })) : current ? [current] : [];
    const codes = await Promise.all(spells.map((spell) => this.provinceOf(spell.code, spell.from)));
    return codes.filter((code): code is string => code !== null);
  }

  private async provinceOf(communeCode: string, date: string): Promise<string | null> {
    const rows = await this.sql.query<Array<{ province_code: string }>>(
      `SELECT u.province_code FROM fw_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = $1
       ORDER BY ${inForce('u', '$2')} DESC, u.valid_from DESC NULLS LAST LIMIT 1`,
      [communeCode, date],
    );
    return rows[0]?.province_code ?? null;
  }
}
