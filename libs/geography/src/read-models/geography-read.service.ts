import { codedError, decodeCursor, encodeCursor, type ProvinceScope } from '@cdtt/platform';
import type { AdminLevel } from '../domain/admin-unit.events';
import type { AdminUnitRecord, RecordPage, SuccessionRecord, VillageRecord } from './geography-records';
import { VILLAGE_COLUMNS, VILLAGE_PROVINCE, villagesAmongSql } from './village-records.sql';

/** Anything that runs SQL: a DataSource, an EntityManager in a transaction, a pg pool. */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const UNIT_COLUMNS = `level, code, name, full_name AS "fullName", type, parent_code AS "parentCode",
  province_code AS "provinceCode", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"`;
/** In force on $asOf: valid_from inclusive (null = since before our records), valid_to exclusive. */
const IN_FORCE = `(valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to > $2::date)`;

function cursorValues(after: string | null | undefined, arity: number): string[] | null {
  if (after === null || after === undefined) return null;
  const values = decodeCursor(after);
  if (!values || values.length !== arity || !values.every((v) => typeof v === 'string')) {
    throw codedError('BAD_USER_INPUT', 'Invalid input: after: not a cursor of this list', {
      fields: [{ field: 'after', problems: ['not a cursor of this list'] }],
    });
  }
  return values;
}

/**
 * SQL reads over the geography read models, for resolvers and for other contexts (teams check
 * that a commune exists on a decision date, roll-ups follow the tree in force on a date).
 */
export class GeographyReadService {
  constructor(private readonly executor: SqlQueryable) {}

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.executor.query(sql, params)) as T[];
  }

  async findUnit(level: AdminLevel, code: string, asOf: string): Promise<AdminUnitRecord | null> {
    const [row] = await this.rows<AdminUnitRecord>(
      `SELECT ${UNIT_COLUMNS} FROM admin_units_v1 WHERE level = $1 AND code = $3 AND ${IN_FORCE}`,
      [level, asOf, code],
    );
    return row ?? null;
  }

  /** One version of a unit, by its start of validity (null = unknown start): Node lookups. */
  async findUnitVersion(level: AdminLevel, code: string, validFrom: string | null): Promise<AdminUnitRecord | null> {
    const [row] = await this.rows<AdminUnitRecord>(`SELECT ${UNIT_COLUMNS} FROM admin_units_v1 WHERE unit_key = $1`, [
      `${level}:${code}:${validFrom ?? '-'}`,
    ]);
    return row ?? null;
  }

  /** Units of a level in force on `asOf`, under `parentCode` (the parent unit, or the province), by code. */
  async listUnits(level: AdminLevel, parentCode: string | null, asOf: string, first: number, after?: string | null): Promise<RecordPage<AdminUnitRecord>> {
    const [afterCode] = cursorValues(after, 1) ?? [null];
    const where = `level = $1 AND ${IN_FORCE} AND ($3::text IS NULL OR parent_code = $3 OR province_code = $3)`;
    const [rows, [count]] = await Promise.all([
      this.rows<AdminUnitRecord>(
        `SELECT ${UNIT_COLUMNS} FROM admin_units_v1 WHERE ${where} AND ($4::text IS NULL OR code > $4) ORDER BY code LIMIT $5`,
        [level, asOf, parentCode, afterCode, first + 1],
      ),
      this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM admin_units_v1 WHERE ${where}`, [level, asOf, parentCode]),
    ]);
    return pageOf(rows, first, count?.n ?? 0, (unit) => [unit.code]);
  }

  /** Edges out of an old unit (e.g. an old commune → its new commune(s)). */
  async findSuccessors(level: AdminLevel, code: string): Promise<SuccessionRecord[]> {
    return this.rows<SuccessionRecord>(
      `SELECT from_level AS "fromLevel", from_code AS "fromCode", to_level AS "toLevel", to_code AS "toCode", kind,
         to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn"
       FROM admin_unit_successions_v1 WHERE from_level = $1 AND from_code = $2 ORDER BY effective_on, to_code`,
      [level, code],
    );
  }

  /** The villages among `ids` visible in `scope` (others, like unknown ids, are simply absent). */
  async findVillages(ids: readonly string[], scope: ProvinceScope): Promise<VillageRecord[]> {
    if (ids.length === 0) return [];
    return this.rows<VillageRecord>(
      `${villagesAmongSql('$1::uuid[]', scope, '$2')} ORDER BY id`,
      [ids, scope.sqlParam],
    );
  }

  /** Villages of a commune (active and retired), by name then id; none when the commune is out of scope. */
  async listVillages(communeCode: string, first: number, after: string | null | undefined, scope: ProvinceScope): Promise<RecordPage<VillageRecord>> {
    const [afterName, afterId] = cursorValues(after, 2) ?? [null, null];
    const scoped = scope.sqlFilter(VILLAGE_PROVINCE, '$2');
    const [rows, [count]] = await Promise.all([
      this.rows<VillageRecord>(
        `SELECT ${VILLAGE_COLUMNS} FROM villages_v1 v WHERE commune_code = $1 AND ${scoped}
           AND ($3::text IS NULL OR (name, id) > ($3, $4::uuid)) ORDER BY name, id LIMIT $5`,
        [communeCode, scope.sqlParam, afterName, afterId, first + 1],
      ),
      this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM villages_v1 v WHERE commune_code = $1 AND ${scoped}`, [
        communeCode,
        scope.sqlParam,
      ]),
    ]);
    return pageOf(rows, first, count?.n ?? 0, (village) => [village.name, village.id]);
  }

  /** True when another active village of the commune has this exact (NFC) name. */
  async isVillageNameTaken(communeCode: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.rows<{ id: string }>(
      `SELECT id FROM villages_v1 WHERE commune_code = $1 AND name = $2 AND status = 'ACTIVE'
         AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
      [communeCode, name, exceptId],
    );
    return rows.length > 0;
  }
}

function pageOf<T>(rows: T[], first: number, totalCount: number, key: (record: T) => string[]): RecordPage<T> {
  const page = rows.slice(0, first);
  return { edges: page.map((record) => ({ cursor: encodeCursor(key(record)), record })), totalCount, hasNextPage: rows.length > first };
}
