import type { ProvinceScope } from '@cdtt/platform';
import type { VillageRecord } from './geography-records';

/** A village's record (`v` is villages_v1), named as `VillageRecord`'s fields. */
export const VILLAGE_COLUMNS = `id, commune_code AS "communeCode", name, kind, households, status,
  to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(retired_on, 'YYYY-MM-DD') AS "retiredOn", version`;

/**
 * The province of a village's commune (`v` is villages_v1): the commune's version in force today,
 * else its latest one. Villages are scoped by it; admin units themselves are public reference data.
 */
export const VILLAGE_PROVINCE = `(SELECT u.province_code FROM admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = v.commune_code
  ORDER BY ((u.valid_from IS NULL OR u.valid_from <= CURRENT_DATE) AND (u.valid_to IS NULL OR u.valid_to > CURRENT_DATE)) DESC,
    u.valid_from DESC NULLS LAST LIMIT 1)`;

/** The villages among the uuid[] SQL expression `ids` that `scope` (bound at `placeholder`) sees. */
export function villagesAmongSql(ids: string, scope: ProvinceScope, placeholder: string): string {
  return `SELECT ${VILLAGE_COLUMNS} FROM villages_v1 v WHERE v.id = ANY(${ids}) AND ${scope.sqlFilter(VILLAGE_PROVINCE, placeholder)}`;
}

/**
 * The same records as `GeographyReadService.findVillages`, as one json array in id order (null
 * when there is none), for another context to bring inside a statement of its own (ADR 0023): the
 * teams lib reads a team's villages with the team instead of in a second round trip. `ids` is a
 * uuid[] SQL expression of the enclosing statement; the scope is bound at `placeholder` as
 * `scope.sqlParam`. Which table, which columns and which scope rule stay this lib's.
 */
export function villageRecordsJsonSql(ids: string, scope: ProvinceScope, placeholder: string): string {
  return `(SELECT json_agg(r ORDER BY r.id) FROM (${villagesAmongSql(ids, scope, placeholder)}) r)`;
}

/** The records of a `villageRecordsJsonSql` value as the driver parsed it (json null: none). */
export function villageRecordsOfJson(value: unknown): VillageRecord[] {
  return Array.isArray(value) ? (value as VillageRecord[]) : [];
}
