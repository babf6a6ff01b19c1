import type { MeasureUnit } from '../measures';

/**
 * Figures SQL for one unit over one period. Parameters everywhere: $1 = first day, $2 = last day
 * (inclusive), $3 = the unit's code (unused for NATIONAL, still bound so placeholders never shift).
 * Each statement is an aggregate over one index range of (unit code, day), so national figures
 * over a year of ~2M activities stay a few scans, never one query per team.
 */
type Level = MeasureUnit['level'];

/** Rows of a table carrying a team's unit codes (activities, their figures, meetings, teams). */
export function byUnit(level: Level, alias: string, teamColumn = 'team_id'): string {
  switch (level) {
    case 'NATIONAL':
      return '($3::text IS NOT NULL)';
    case 'PROVINCE':
      return `${alias}.province_code = $3`;
    case 'COMMUNE':
      return `${alias}.commune_code = $3`;
    case 'TEAM':
      return `${alias}.${teamColumn} = $3::uuid`;
  }
}

const inPeriod = (alias: string): string => `${alias}.held_on BETWEEN $1::date AND $2::date`;

/** Current figures of the period's activities per category; retracted ones are summed apart, never dropped. */
export const categorySql = (level: Level): string => `
  SELECT f.category,
    COALESCE(sum(f.people_guided) FILTER (WHERE NOT f.retracted), 0)::int AS people_guided,
    COALESCE(sum(f.households_guided) FILTER (WHERE NOT f.retracted), 0)::int AS households_guided,
    COALESCE(sum(f.visits) FILTER (WHERE NOT f.retracted), 0)::int AS visits,
    COALESCE(sum(f.accounts_created) FILTER (WHERE NOT f.retracted), 0)::int AS accounts_created,
    COALESCE(sum(f.public_service_dossiers_filed) FILTER (WHERE NOT f.retracted), 0)::int AS public_service_dossiers_filed,
    COALESCE(sum(f.sellers_onboarded) FILTER (WHERE NOT f.retracted), 0)::int AS sellers_onboarded,
    COALESCE(sum(f.epayment_accounts_opened) FILTER (WHERE NOT f.retracted), 0)::int AS epayment_accounts_opened
  FROM fw_activity_figures_v1 f WHERE ${byUnit(level, 'f')} AND ${inPeriod('f')} GROUP BY f.category`;

/** Activities of the period: counted, retracted (still listed, flagged) and corrected at least once. */
export const activityCountsSql = (level: Level): string => `
  SELECT count(*) FILTER (WHERE a.status <> 'RETRACTED')::int AS logged,
    count(*) FILTER (WHERE a.status = 'RETRACTED')::int AS retracted,
    count(*) FILTER (WHERE a.corrections > 0)::int AS corrected
  FROM fw_activities_v1 a WHERE ${byUnit(level, 'a')} AND ${inPeriod('a')}`;

export const meetingsSql = (level: Level): string => `SELECT count(*)::int AS n FROM fw_meetings_v1 a WHERE ${byUnit(level, 'a')} AND ${inPeriod('a')}`;

/**
 * A commune (of a team or village) in force at some time in [from, to]: the unit tree of the
 * period, as team statistics use the tree of their date, so teams and villages of communes that
 * no longer exist do not count in later periods.
 */
const communeInForce = (commune: string, from: string, to: string): string => `EXISTS (
  SELECT 1 FROM fw_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = ${commune}
  AND (u.valid_from IS NULL OR u.valid_from <= ${to}) AND (u.valid_to IS NULL OR u.valid_to > ${from}))`;

/** Teams of the unit (a team by its id, whatever its commune became). */
const teamOfUnit = (level: Level, from: string, to: string): string =>
  level === 'TEAM' ? byUnit(level, 'tm', 'id') : `${byUnit(level, 'tm', 'id')} AND ${communeInForce('tm.commune_code', from, to)}`;

/** A membership of a team of the unit in force on the session's day. */
const memberOfUnitOn = (level: Level, person: string, day: string): string => `EXISTS (
  SELECT 1 FROM fw_team_memberships_v1 m JOIN fw_teams_v1 tm ON tm.id = m.team_id
  WHERE m.person_id = ${person} AND m.valid_from <= ${day} AND (m.valid_to IS NULL OR m.valid_to > ${day}) AND ${teamOfUnit(level, day, day)})`;

/**
 * Sessions held (completed, dated in the period): those of the unit (a province's include its
 * communes'; the nation's are all of them); for a team, those one of its members attended.
 * Members trained: distinct persons who attended such a session of any level and were, that day,
 * members of a team of the unit.
 */
export const trainingSql = (level: Level): string => {
  const held =
    level === 'TEAM'
      ? `EXISTS (SELECT 1 FROM fw_training_attendance_v1 x WHERE x.training_id = t.id AND ${memberOfUnitOn(level, 'x.person_id', 't.held_on')})`
      : byUnit(level, 't');
  return `
  SELECT
    (SELECT count(*) FROM fw_trainings_v1 t WHERE t.status = 'COMPLETED' AND ${inPeriod('t')} AND ${held})::int AS sessions,
    (SELECT count(DISTINCT x.person_id) FROM fw_trainings_v1 t JOIN fw_training_attendance_v1 x ON x.training_id = t.id
     WHERE t.status = 'COMPLETED' AND ${inPeriod('t')} AND ${memberOfUnitOn(level, 'x.person_id', 't.held_on')})::int AS trained,
    (SELECT count(DISTINCT m.person_id) FROM fw_team_memberships_v1 m JOIN fw_teams_v1 tm ON tm.id = m.team_id
     WHERE m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $1::date) AND ${teamOfUnit(level, '$1::date', '$2::date')})::int AS members`;
};

/** The unit's villages that existed during the period and have a household count. */
function villagesOf(level: Level): string {
  const existing = `v.households IS NOT NULL AND v.registered_on <= $2::date AND (v.retired_on IS NULL OR v.retired_on > $1::date)`;
  const inTree = communeInForce('v.commune_code', '$1::date', '$2::date');
  switch (level) {
    case 'NATIONAL':
      return `${existing} AND ${inTree} AND $3::text IS NOT NULL`;
    case 'COMMUNE':
      return `${existing} AND ${inTree} AND v.commune_code = $3`;
    case 'PROVINCE':
      return `${existing} AND EXISTS (SELECT 1 FROM fw_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = v.commune_code
        AND u.province_code = $3 AND (u.valid_from IS NULL OR u.valid_from <= $2::date) AND (u.valid_to IS NULL OR u.valid_to > $1::date))`;
    case 'TEAM':
      return `${existing} AND EXISTS (SELECT 1 FROM fw_team_coverage_v1 c WHERE c.village_id = v.village_id AND c.team_id = $3::uuid
        AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $1::date))`;
  }
}

/**
 * Households of the unit's villages with a known count, and households reached in them: per
 * activity the largest category count of households guided (one household guided in two
 * categories is one household), summed per village and capped at the village's count, since the
 * registry does not identify households and repeat visits must not push a share past 100 %.
 */
export const householdsSql = (level: Level): string => `
  WITH base AS (SELECT v.village_id, v.households FROM fw_villages_v1 v WHERE ${villagesOf(level)}),
  per_activity AS (
    SELECT f.village_id, max(f.households_guided) AS hh FROM fw_activity_figures_v1 f
    WHERE NOT f.retracted AND ${byUnit(level, 'f')} AND ${inPeriod('f')} GROUP BY f.activity_id, f.village_id),
  reached AS (SELECT village_id, sum(hh) AS hh FROM per_activity GROUP BY village_id)
  SELECT COALESCE(sum(b.households), 0)::int AS households, COALESCE(sum(LEAST(COALESCE(r.hh, 0), b.households)), 0)::int AS reached
  FROM base b LEFT JOIN reached r ON r.village_id = b.village_id`;
