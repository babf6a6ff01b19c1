import type { DataSource } from 'typeorm';
import { villageRecordsJsonSql, villageRecordsOfJson, type VillageRecord } from '@cdtt/geography';
import { PreparedReads, type ProvinceScope } from '@cdtt/platform';
import type { SealedPersonalData } from '../domain/person.events';
import type { PersonalFields } from '../personal-data/personal-data.cipher';
import { ERASED, type KeyedSealedRow, type PersonalDataVault } from '../personal-data/personal-data.vault';
import { teamPageSql } from './team-list.sql';
import { TEAM_COLUMNS, type MemberView, type TeamFilter, type TeamOrder, type TeamRow, type VillageView } from './team.rows';
import { NO_VERSION, readModelVersionSql, type StatisticsCache } from './statistics-cache';
import { teamScopeFilter } from './team-scope.sql';

export interface TeamPage {
  readonly rows: TeamRow[];
  readonly totalCount: number;
}

/** What a read of one team also brings, in the same statement (each only when the caller asks). */
export interface TeamIncludes {
  readonly members: boolean;
  readonly villages: boolean;
}

const NOTHING_MORE: TeamIncludes = { members: false, villages: false };

export interface TeamWith {
  readonly row: TeamRow;
  readonly members?: MemberView[];
  /** Geography's records of the villages the team serves now, as `findVillages` gives them in the same scope. */
  readonly villages?: VillageRecord[];
}

const ORDER_COLUMN = { NAME: 't.name', ESTABLISHED_ON: 't.established_on' } as const;

interface MemberRow {
  person_id: string;
  role: MemberView['role'];
  since: string;
  personal_data: SealedPersonalData | null;
  wrapped_key: string | null;
  yu: boolean;
}

/**
 * The current members of the team `t` (an alias of `teams_v1` in the enclosing statement) with
 * their wrapped keys, so opening them needs no lookup of its own; `rank` orders the roster:
 * leader first, then deputies, then members, each by the date of their role.
 */
const CURRENT_MEMBERS = `SELECT m.person_id, m.role, m.valid_from::text AS since, p.personal_data, k.wrapped_key,
    (p.youth_union_since IS NOT NULL AND p.youth_union_until IS NULL) AS yu,
    array_position(ARRAY['LEADER','DEPUTY','MEMBER'], m.role) AS rank
  FROM team_memberships_v1 m LEFT JOIN people_v1 p ON p.person_id = m.person_id
  LEFT JOIN personal_data_keys k ON k.person_id = m.person_id
  WHERE m.team_id = t.id AND m.valid_to IS NULL`;
const MEMBER_ORDER = 'rank, since, person_id';

/** The ids of the villages the team `t` serves now (kept as text in the coverage rows). */
const CURRENT_VILLAGE_IDS = 'SELECT c.village_id::uuid FROM team_coverage_v1 c WHERE c.team_id = t.id AND c.valid_to IS NULL';

/** The villages the team `t` serves now, by name. */
const CURRENT_VILLAGES = `SELECT c.village_id, v.name, c.valid_from::text AS since
  FROM team_coverage_v1 c LEFT JOIN team_villages_v1 v ON v.village_id = c.village_id
  WHERE c.team_id = t.id AND c.valid_to IS NULL`;
const VILLAGE_ORDER = 'name, village_id';

/**
 * Reads of teams: SQL over this lib's tables; personal fields opened here, at read time. Every read
 * takes the caller's scope and filters in SQL on `teams_v1.visible_province_codes` (where the team is
 * attached now, `teamScopeFilter`): a team outside a portal's provinces reads as absent.
 */
export class TeamReadService {
  /** Reads of one team by id: the same plan fits every id, so they are planned once per connection. */
  private readonly sql: PreparedReads;

  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
    /** Counts of a filter, remembered per version of the teams read models (exact; see listTeams). */
    private readonly counts: StatisticsCache,
  ) {
    this.sql = new PreparedReads(dataSource, 'cdtt_teams');
  }

  async findTeam(id: string, scope: ProvinceScope): Promise<TeamRow | null> {
    return (await this.findTeamWith(id, scope, NOTHING_MORE))?.row ?? null;
  }

  /**
   * A team with its current members and villages in one statement: one round trip instead of four
   * (team, members, their keys, villages), each of which cost the API more in its socket write than
   * PostgreSQL spent running it (ADR 0019). The villages come as geography's records, through the
   * fragment geography publishes for this (ADR 0023): its table, columns and scope rule, read in
   * this statement instead of a second round trip (a third of `team(id)`'s cost when it was one).
   */
  async findTeamWith(id: string, scope: ProvinceScope, include: TeamIncludes): Promise<TeamWith | null> {
    const members = include.members ? `(SELECT json_agg(x ORDER BY ${MEMBER_ORDER}) FROM (${CURRENT_MEMBERS}) x)` : 'NULL';
    const villages = include.villages ? villageRecordsJsonSql(`ARRAY(${CURRENT_VILLAGE_IDS})`, scope, '$2') : 'NULL';
    const rows = await this.sql.query<Array<TeamRow & { members_json: MemberRow[] | null; villages_json: unknown }>>(
      `SELECT ${TEAM_COLUMNS}, ${members} AS members_json, ${villages} AS villages_json
       FROM teams_v1 t WHERE t.id = $1::uuid AND ${teamScopeFilter('t', '$2')}`,
      [id, scope.sqlParam],
    );
    const found = rows[0];
    if (!found) return null;
    const { members_json, villages_json, ...row } = found;
    return {
      row,
      ...(include.members ? { members: this.memberViews(members_json ?? []) } : {}),
      ...(include.villages ? { villages: villageRecordsOfJson(villages_json) } : {}),
    };
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
    // Where the teams are: the scope first (a filter on another province then simply finds
    // nothing), then the filter's province. Containment, not `= ANY(…)`: only this form can use
    // the GIN index on the array.
    const where: Condition[] = [[([p]) => teamScopeFilter('t', p!), scope.sqlParam]];
    if (filter.provinceCode) where.push([([p]) => `t.visible_province_codes @> ARRAY[${p}::text]`, filter.provinceCode]);
    // What else the filter asks, for every form of the statement.
    const rest: Condition[] = [];
    if (filter.communeCode) rest.push([([p]) => `t.commune_code = ${p}`, filter.communeCode]);
    if (filter.status) rest.push([([p]) => `t.status = ${p}`, filter.status]);
    if (typeof filter.hasYouthUnionMember === 'boolean') rest.push([([p]) => `t.has_youth_union_member = ${p}`, filter.hasYouthUnionMember]);

    const column = ORDER_COLUMN[order.field];
    const direction = order.direction === 'DESC' ? 'DESC' : 'ASC';
    const filtered = [...where, ...rest];
    if (after) {
      const keyCast = order.field === 'NAME' ? 'text' : 'date';
      rest.push([([k, i]) => `(${column}, t.id) ${direction === 'ASC' ? '>' : '<'} (${k}::${keyCast}, ${i}::uuid)`, ...after]);
    }
    // The one province the list is in, when it is known and implies the scope (ADR 0020): its
    // teams are then read in index order, the province conditions being those of the two parts.
    // Kept beside them instead, the planner multiplied their selectivities (127 teams expected
    // of Hà Nội's 3,378) and chose the GIN index and a sort of the whole province.
    const scoped = scope.provinceCodes;
    const only = filter.provinceCode ?? (scoped?.length === 1 ? scoped[0]! : null);
    const province = only !== null && (scoped === null || scoped.includes(only)) ? only : null;
    const page = bind(province === null ? [...where, ...rest] : rest);
    const [limitParam, versionParam] = [page.add(limit), page.add(this.counts.projection)];
    // The page brings the read models' version from its own snapshot; the count of the filter is
    // remembered per version, so the pages of one list, and the same first page asked again, count
    // once until the teams read models change (exact: the version is their data version, ADR 0024).
    // Prepared only in the form of one known province: there every value gets the same plan, the
    // province's two parts read in index order and merged (EXPLAIN EXECUTE: PostgreSQL takes that
    // generic plan after its five custom ones; 0.2-0.4 ms of planning saved per page). Without a
    // province it is planned for its values each time: a generic plan cannot know how many teams
    // the filter matches and sorts them all (measured: 6.8 ms against 0.06 ms in index order).
    const sql = teamPageSql({
      where: page.sql,
      column,
      direction,
      province: province === null ? null : page.add(province),
      limit: limitParam,
      version: readModelVersionSql(versionParam),
    });
    const reads = province === null ? this.dataSource : this.sql;
    const rows = await reads.query<Array<TeamRow & { read_model_version: string; page_key: unknown }>>(sql, page.params);
    const counted = bind(filtered);
    const countNow = async (): Promise<number> =>
      (await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM teams_v1 t WHERE ${counted.sql.join(' AND ')}`, counted.params))[0]?.n ?? 0;
    const version = rows[0]?.read_model_version;
    // A page past the end has no row to carry the version, and tables without a checkpoint have no
    // version: their count is taken as it is now.
    const remembered = version !== undefined && version !== NO_VERSION;
    const totalCount = remembered ? await this.counts.at(version, `teams-count|${JSON.stringify(counted.params)}`, countNow) : await countNow();
    return { rows: rows.map(({ read_model_version: _version, page_key: _key, ...row }) => row), totalCount };
  }

  /** Current members, leader first, then deputies, then members, each by the date of their role. */
  async currentMembers(teamId: string, scope: ProvinceScope): Promise<MemberView[]> {
    const rows = await this.sql.query<MemberRow[]>(
      `SELECT x.* FROM teams_v1 t CROSS JOIN LATERAL (${CURRENT_MEMBERS}) x
       WHERE t.id = $1::uuid AND ${teamScopeFilter('t', '$2')} ORDER BY ${MEMBER_ORDER}`,
      [teamId, scope.sqlParam],
    );
    return this.memberViews(rows);
  }

  async currentVillages(teamId: string, scope: ProvinceScope): Promise<VillageView[]> {
    const rows = await this.sql.query<VillageRow[]>(
      `SELECT x.* FROM teams_v1 t CROSS JOIN LATERAL (${CURRENT_VILLAGES}) x
       WHERE t.id = $1::uuid AND ${teamScopeFilter('t', '$2')} ORDER BY ${VILLAGE_ORDER}`,
      [teamId, scope.sqlParam],
    );
    return rows.map(villageView);
  }

  private memberViews(rows: readonly MemberRow[]): MemberView[] {
    const opened = this.vault.openKeyed(rows.map((row): KeyedSealedRow => ({ personId: row.person_id, personal: row.personal_data, wrappedKey: row.wrapped_key })));
    return rows.map((row) => memberViewOf(row, opened.get(row.person_id) ?? null));
  }
}

/** A member row with its personal fields opened (null: forgotten, so `[erased]`); current or as of a date. */
export function memberViewOf(row: Pick<MemberRow, 'person_id' | 'role' | 'since' | 'yu'>, fields: PersonalFields | null): MemberView {
  return {
    personId: row.person_id,
    role: row.role,
    since: row.since,
    fullName: fields?.fullName ?? ERASED,
    phone: fields ? fields.phone : ERASED,
    youthUnionMember: row.yu === true,
    erased: fields === null,
  };
}

interface VillageRow {
  village_id: string;
  name: string | null;
  since: string;
}

const villageView = (row: VillageRow): VillageView => ({ villageId: row.village_id, name: row.name, since: row.since });

/** A condition on `teams_v1 t`: its SQL from its parameters' placeholders, then their values. */
type Condition = readonly [(placeholders: readonly string[]) => string, ...unknown[]];

/** Conditions numbered into one statement's parameters; `add` appends a parameter of its own. */
function bind(conditions: readonly Condition[]): { sql: string[]; params: unknown[]; add: (value: unknown) => string } {
  const params: unknown[] = [];
  const add = (value: unknown): string => `$${params.push(value)}`;
  const sql = conditions.map(([text, ...values]) => text(values.map(add)));
  return { sql, params, add };
}
