/**
 * A pre-reform figure on today's provinces (ADR 0012). Parameters: $1 = the as-of date (teams
 * active then, in the communes they belonged to then), $2 = the date whose provinces receive them.
 * Each team follows the first succession of its commune after $1 and up to $2: a FULL edge is
 * counted in the successor's province; PARTIAL edges (a split commune) are counted apart, in every
 * province that received a part, never allocated; a commune with no succession is "unmapped" and
 * stays where it was when its code is still in force on $2 (a commune the reform left alone).
 */
const CTES = `
  WITH old_teams AS (
    SELECT t.id, tcm.commune_code FROM team_communes_v1 tcm JOIN teams_v1 t ON t.id = tcm.team_id
    WHERE tcm.commune_code IS NOT NULL AND tcm.valid_from <= $1::date AND (tcm.valid_to IS NULL OR tcm.valid_to > $1::date)
      AND t.established_on <= $1::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $1::date)),
  first_step AS (
    SELECT e.from_code, min(e.effective_on) AS effective_on FROM reorganisation_edges_v1 e
    WHERE e.effective_on > $1::date AND e.effective_on <= $2::date GROUP BY e.from_code),
  edges AS (
    SELECT e.from_code, e.to_code, e.kind FROM reorganisation_edges_v1 e
    JOIN first_step f ON f.from_code = e.from_code AND f.effective_on = e.effective_on),
  targets AS (
    SELECT ot.id, e.kind, u.province_code FROM old_teams ot
    JOIN edges e ON e.from_code = ot.commune_code
    JOIN team_admin_units_v1 u ON u.level = 'COMMUNE' AND u.code = e.to_code
      AND (u.valid_from IS NULL OR u.valid_from <= $2::date) AND (u.valid_to IS NULL OR u.valid_to > $2::date)
    UNION ALL
    SELECT ot.id, 'UNCHANGED', u.province_code FROM old_teams ot
    JOIN team_admin_units_v1 u ON u.level = 'COMMUNE' AND u.code = ot.commune_code
      AND (u.valid_from IS NULL OR u.valid_from <= $2::date) AND (u.valid_to IS NULL OR u.valid_to > $2::date)
    WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.from_code = ot.commune_code)),
  members AS (
    SELECT DISTINCT m.team_id, m.person_id FROM team_memberships_v1 m JOIN old_teams ot ON ot.id = m.team_id
    WHERE m.valid_from <= $1::date AND (m.valid_to IS NULL OR m.valid_to > $1::date)),
  per_province AS (
    SELECT tg.province_code,
      count(DISTINCT tg.id) FILTER (WHERE tg.kind <> 'PARTIAL') AS teams,
      count(DISTINCT m.person_id) FILTER (WHERE tg.kind <> 'PARTIAL') AS members,
      count(DISTINCT tg.id) FILTER (WHERE tg.kind = 'PARTIAL') AS partial_teams,
      count(DISTINCT m.person_id) FILTER (WHERE tg.kind = 'PARTIAL') AS partial_members
    FROM targets tg LEFT JOIN members m ON m.team_id = tg.id GROUP BY tg.province_code)
  `;

/** One row per province of $2 that received teams. */
export const REAGGREGATION_BY_PROVINCE_SQL = `${CTES}
  SELECT p.province_code AS code, p.teams::int AS teams, p.members::int AS members,
    p.partial_teams::int AS partial_teams, p.partial_members::int AS partial_members
  FROM per_province p ORDER BY p.province_code`;

/** National control totals: every team active on $1 is in exactly one of full/unchanged, partial, unmapped. */
export const REAGGREGATION_TOTALS_SQL = `${CTES}
  SELECT (SELECT count(*) FROM old_teams)::int AS total_teams,
    (SELECT count(DISTINCT id) FROM targets WHERE kind <> 'PARTIAL')::int AS placed_teams,
    (SELECT count(DISTINCT id) FROM targets WHERE kind = 'PARTIAL')::int AS partial_teams,
    (SELECT count(*) FROM old_teams ot WHERE NOT EXISTS (SELECT 1 FROM targets tg WHERE tg.id = ot.id))::int AS unmapped_teams`;
