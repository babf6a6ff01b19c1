import { queueSql } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';

/**
 * Dated rows are half-open `[valid_from, valid_to)`. A row closed on the day it opened never held
 * (a same-day correction): it is deleted rather than kept as an empty interval.
 */
export async function closeOpenRows(
  manager: EntityManager,
  table: 'team_memberships_v1' | 'team_coverage_v1',
  where: string,
  params: unknown[],
  date: string,
): Promise<void> {
  const dateParam = `$${params.length + 1}`;
  await queueSql(manager, `UPDATE ${table} SET valid_to = ${dateParam} WHERE valid_to IS NULL AND ${where}`, [...params, date]);
  await queueSql(manager, `DELETE FROM ${table} WHERE valid_to IS NOT NULL AND valid_to <= valid_from AND ${where}`, params);
}

/**
 * `teams_v1.has_youth_union_member`: a current member whose Youth Union membership has a start
 * and no recorded end. The flag is the "now" view; statistics re-derive it for any date.
 */
export const YOUTH_UNION_MEMBER_NOW = `EXISTS (
  SELECT 1 FROM team_memberships_v1 m JOIN people_v1 p ON p.person_id = m.person_id
  WHERE m.team_id = t.id AND m.valid_to IS NULL AND p.youth_union_since IS NOT NULL AND p.youth_union_until IS NULL)`;

export async function refreshYouthUnionFlag(manager: EntityManager, teamIdsSql: string, params: unknown[]): Promise<void> {
  await queueSql(manager, `UPDATE teams_v1 t SET has_youth_union_member = ${YOUTH_UNION_MEMBER_NOW} WHERE t.id IN (${teamIdsSql})`, params);
}
