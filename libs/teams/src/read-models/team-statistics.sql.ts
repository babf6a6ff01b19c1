import { inForce } from './in-force.sql';

/** How communes are selected and grouped: one figure set per group code. */
export type StatisticsScope =
  | { readonly kind: 'COMMUNES'; readonly codes: readonly string[] }
  | { readonly kind: 'DISTRICTS'; readonly codes: readonly string[] }
  | { readonly kind: 'PROVINCES'; readonly codes: readonly string[] }
  | { readonly kind: 'NATIONAL' };

/** Parameters: $1 = as-of date, $2 = the group codes (communes, provinces, or ['VN']). */
function communesOf(scope: StatisticsScope): string {
  const unit = `SELECT u.code AS commune_code, %GROUP% AS group_code FROM team_admin_units_v1 u
    WHERE u.level = 'COMMUNE' AND ${inForce('u', '$1')}`;
  switch (scope.kind) {
    case 'COMMUNES':
      return `${unit.replace('%GROUP%', 'u.code')} AND u.code = ANY($2::text[])`;
    case 'DISTRICTS':
      // Districts exist before 2025-07-01 only: a pre-reform commune's parent is its district.
      return `${unit.replace('%GROUP%', 'u.parent_code')} AND u.parent_code = ANY($2::text[])`;
    case 'PROVINCES':
      return `${unit.replace('%GROUP%', 'u.province_code')} AND u.province_code = ANY($2::text[])`;
    case 'NATIONAL':
      return unit.replace('%GROUP%', "'VN'::text");
  }
}

/**
 * Teams held for a successor choice after a split have no commune (ADR 0012): they are counted in
 * the province their successors share, and nationally, never in a commune.
 */
function heldTeams(scope: StatisticsScope, dated: (alias: string) => string): string {
  if (scope.kind !== 'PROVINCES' && scope.kind !== 'NATIONAL') return '';
  const group = scope.kind === 'NATIONAL' ? "'VN'::text" : 'tcm.province_code';
  const filter = scope.kind === 'NATIONAL' ? '' : 'AND tcm.province_code = ANY($2::text[])';
  return `UNION ALL SELECT ${group}, t.id FROM team_communes_v1 tcm JOIN teams_v1 t ON t.id = tcm.team_id
    WHERE tcm.commune_code IS NULL AND ${dated('tcm')} ${filter}
      AND t.established_on <= $1::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $1::date)`;
}

/**
 * Every figure of a statistics group in one statement over the teams read models, for the unit
 * tree in force on the date: the communes in force then, the teams in them on that date (a team
 * follows its commune across reorganisations: `team_communes_v1`), their villages existing then, the teams
 * active then, and the memberships and coverage rows in force then (definitions in
 * team-statistics.service.ts). Distinct counts are taken per group, never summed from children,
 * so a person on teams in two communes counts once in their province. Aggregates are grouped, not
 * correlated per group, so the national figures stay one pass over each table.
 */
export function statisticsSql(scope: StatisticsScope): string {
  const dated = (alias: string): string => `${alias}.valid_from <= $1::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $1::date)`;
  return `
  WITH communes AS (${communesOf(scope)}),
  villages AS (
    SELECT c.group_code, c.commune_code, v.village_id FROM communes c
    JOIN team_villages_v1 v ON v.commune_code = c.commune_code
    WHERE v.registered_on <= $1::date AND (v.retired_on IS NULL OR v.retired_on > $1::date)),
  teams AS (
    SELECT c.group_code, t.id FROM communes c
    JOIN team_communes_v1 tcm ON tcm.commune_code = c.commune_code AND ${dated('tcm')}
    JOIN teams_v1 t ON t.id = tcm.team_id
    WHERE t.established_on <= $1::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $1::date)
    ${heldTeams(scope, dated)}),
  covered AS (
    SELECT DISTINCT v.group_code, v.commune_code, v.village_id FROM villages v
    JOIN team_coverage_v1 tc ON tc.village_id = v.village_id AND ${dated('tc')}
    JOIN teams tm ON tm.id = tc.team_id),
  members AS (
    SELECT tm.group_code, tm.id AS team_id, m.person_id, m.role,
      COALESCE(p.youth_union_since <= $1::date AND (p.youth_union_until IS NULL OR p.youth_union_until > $1::date), false) AS yu
    FROM teams tm JOIN team_memberships_v1 m ON m.team_id = tm.id AND ${dated('m')}
    LEFT JOIN people_v1 p ON p.person_id = m.person_id),
  per_commune AS (
    SELECT c.group_code, COALESCE(vc.n, 0) AS villages, COALESCE(cc.n, 0) AS covered FROM communes c
    LEFT JOIN (SELECT commune_code, count(*) AS n FROM villages GROUP BY commune_code) vc ON vc.commune_code = c.commune_code
    LEFT JOIN (SELECT commune_code, count(*) AS n FROM covered GROUP BY commune_code) cc ON cc.commune_code = c.commune_code),
  team_stats AS (
    SELECT tm.group_code, count(*) AS active_teams, count(*) FILTER (WHERE y.team_id IS NULL) AS without_yu FROM teams tm
    LEFT JOIN (SELECT DISTINCT team_id FROM members WHERE yu) y ON y.team_id = tm.id GROUP BY tm.group_code),
  village_stats AS (
    SELECT group_code, sum(villages) AS villages, sum(covered) AS covered,
      count(*) FILTER (WHERE villages > 0 AND covered = villages) AS full_communes
    FROM per_commune GROUP BY group_code),
  member_stats AS (
    SELECT group_code, count(DISTINCT person_id) AS members,
      count(DISTINCT person_id) FILTER (WHERE role = 'LEADER') AS leaders,
      count(DISTINCT person_id) FILTER (WHERE yu) AS yu
    FROM members GROUP BY group_code)
  SELECT g.code,
    COALESCE(ts.active_teams, 0)::int AS active_teams,
    COALESCE(vs.villages, 0)::int AS villages,
    COALESCE(vs.covered, 0)::int AS villages_covered,
    COALESCE(vs.full_communes, 0)::int AS communes_at_full_coverage,
    COALESCE(ms.members, 0)::int AS members,
    COALESCE(ms.leaders, 0)::int AS leaders,
    COALESCE(ms.yu, 0)::int AS youth_union_members,
    COALESCE(ts.without_yu, 0)::int AS teams_without_youth_union_member
  FROM unnest($2::text[]) WITH ORDINALITY AS g(code, ord)
  LEFT JOIN team_stats ts ON ts.group_code = g.code
  LEFT JOIN village_stats vs ON vs.group_code = g.code
  LEFT JOIN member_stats ms ON ms.group_code = g.code
  ORDER BY g.ord`;
}
