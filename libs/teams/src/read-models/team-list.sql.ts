import { TEAM_COLUMNS } from './team.rows';

/** What a page of the teams list reads: its conditions, their parameters and its order. */
export interface TeamPageQuery {
  /**
   * Conditions on `teams_v1 t`, every one of which a row must meet (scope, filter, cursor); with a
   * `province`, all but the province's own (scope and province filter), which the parts then say.
   */
  readonly where: readonly string[];
  /** `t.name` or `t.established_on`; `t.id` breaks ties. */
  readonly column: string;
  readonly direction: 'ASC' | 'DESC';
  /**
   * Placeholder of the one province the list is known to be in (a province filter, or a portal of
   * one province) when the scope allows all of it; else null. With it the page reads the
   * province's teams in index order (ADR 0020).
   */
  readonly province: string | null;
  /** Placeholder of the page size (one more than asked, to see a next page). */
  readonly limit: string;
  /** The SQL of the read models' version, taken in the page's own snapshot. */
  readonly version: string;
}

/**
 * The statement of one page, rows carrying the order's key as `page_key`.
 *
 * Without a known province it walks `(name, id)` or `(established_on, id)` and stops after a page.
 * With one it is split in two disjoint parts, each in order and limited, merged by a sort of at
 * most two pages: the teams visible in that province alone (`visible_province_codes = {P}`, an
 * equality the `(visible_province_codes, key, id)` indexes answer in order) and the few also
 * visible elsewhere (held for a successor choice: more than one code, one of them P, through a
 * partial index of such teams).
 * Walking `(name, id)` instead passes every other province's teams on the way: at national scale
 * 25 teams of others for each of Hà Nội's.
 */
export function teamPageSql(query: TeamPageQuery): string {
  const order = `${query.column} ${query.direction}, t.id ${query.direction}`;
  const part = (extra: string[]): string =>
    `SELECT ${TEAM_COLUMNS}, ${query.column} AS page_key FROM teams_v1 t
     WHERE ${[...query.where, ...extra].join(' AND ')} ORDER BY ${order} LIMIT ${query.limit}`;
  // The outer ORDER BY also for one part: SQL keeps a subquery's order only by chance.
  const merged = `ORDER BY page.page_key ${query.direction}, page.id ${query.direction} LIMIT ${query.limit}`;
  if (query.province === null) return `SELECT page.*, ${query.version} AS read_model_version FROM (${part([])}) page ${merged}`;
  const alone = `t.visible_province_codes = ARRAY[${query.province}::text]`;
  // Contains P and is not {P}: exactly the arrays of more than one code that contain P; said so,
  // the condition matches the partial index of shared teams, which holds a handful of rows.
  const shared = `cardinality(t.visible_province_codes) > 1 AND t.visible_province_codes @> ARRAY[${query.province}::text]`;
  return `SELECT page.*, ${query.version} AS read_model_version FROM ((${part([alone])}) UNION ALL (${part([shared])})) page ${merged}`;
}
