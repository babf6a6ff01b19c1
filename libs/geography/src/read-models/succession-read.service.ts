import type { AdminLevel, SuccessionKind } from '../domain/admin-unit.events';
import type { SuccessionEdge } from '../domain/unit-succession.rules';
import type { SqlQueryable } from './geography-read.service';

export interface SuccessionDefectRecord {
  kind: 'REJECTED' | 'PATCHED' | 'NOTE';
  reason: string;
  subject: string;
  message: string;
  /** Still needs a person: a gap no edge has closed yet. REJECTED/PATCHED findings were handled by the import. */
  open: boolean;
}

/** `subject` is "COMMUNE 23710" or "07693 → 07696": the code(s) a finding is about. */
const DEFECTS_SQL = `
  SELECT i.kind, i.reason, i.subject, i.message, CASE i.reason
    WHEN 'CODE_REUSED_WITHOUT_EDGE' THEN NOT EXISTS (SELECT 1 FROM admin_unit_successions_v1 s
      WHERE s.from_level = 'COMMUNE' AND s.from_code = split_part(i.subject, ' ', 2) AND s.to_code = split_part(i.subject, ' ', 2))
    WHEN 'OLD_COMMUNE_WITHOUT_SUCCESSOR' THEN NOT EXISTS (SELECT 1 FROM admin_unit_successions_v1 s
      WHERE s.from_level = 'COMMUNE' AND s.from_code = split_part(i.subject, ' ', 2))
    WHEN 'SPLITS_EDGE_NOT_LOADED' THEN NOT EXISTS (SELECT 1 FROM admin_unit_successions_v1 s
      WHERE s.from_code = split_part(i.subject, ' ', 1) AND s.to_code = split_part(i.subject, ' ', 3))
    ELSE false END AS open
  FROM admin_mapping_issues_v1 i
  UNION ALL
  SELECT 'NOTE', 'OLD_COMMUNE_WITHOUT_SUCCESSOR', 'COMMUNE ' || u.code,
    u.full_name || ' ceased on ' || to_char(u.valid_to, 'YYYY-MM-DD') || ' and no succession edge leads out of it', true
  FROM admin_units_v1 u
  WHERE u.level = 'COMMUNE' AND u.valid_to IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM admin_unit_successions_v1 s WHERE s.from_level = 'COMMUNE' AND s.from_code = u.code)
    AND NOT EXISTS (SELECT 1 FROM admin_units_v1 later WHERE later.level = 'COMMUNE' AND later.code = u.code AND later.valid_from = u.valid_to)
    AND NOT EXISTS (SELECT 1 FROM admin_mapping_issues_v1 i WHERE i.reason = 'OLD_COMMUNE_WITHOUT_SUCCESSOR' AND i.subject = 'COMMUNE ' || u.code)`;

/** Lookups for succession commands and the defect report, over `admin_units_v1` and `admin_unit_successions_v1`. */
export class SuccessionReadService {
  constructor(private readonly executor: SqlQueryable) {}

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.executor.query(sql, params)) as T[];
  }

  async unitKnown(level: AdminLevel, code: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM admin_units_v1 WHERE level = $1 AND code = $2 LIMIT 1', [level, code])).length > 0;
  }

  async unitInForce(level: AdminLevel, code: string, date: string): Promise<boolean> {
    const sql = `SELECT 1 FROM admin_units_v1 WHERE level = $1 AND code = $2
      AND (valid_from IS NULL OR valid_from <= $3::date) AND (valid_to IS NULL OR valid_to > $3::date) LIMIT 1`;
    return (await this.rows(sql, [level, code, date])).length > 0;
  }

  async edgeKind(edge: SuccessionEdge): Promise<SuccessionKind | null> {
    const [row] = await this.rows<{ kind: SuccessionKind }>(
      `SELECT kind FROM admin_unit_successions_v1 WHERE from_level = $1 AND from_code = $2 AND to_level = $3 AND to_code = $4 AND effective_on = $5`,
      [edge.fromLevel, edge.fromCode, edge.toLevel, edge.toCode, edge.effectiveOn],
    );
    return row?.kind ?? null;
  }

  /** Defects by (reason, subject); `after` continues a page; `openOnly` hides what needs nobody. */
  async defects(openOnly: boolean, limit: number, after: readonly [string, string] | null): Promise<{ rows: SuccessionDefectRecord[]; totalCount: number }> {
    const filter = `WHERE ($1::boolean = false OR d.open)`;
    const [count] = await this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM (${DEFECTS_SQL}) d ${filter}`, [openOnly]);
    const rows = await this.rows<SuccessionDefectRecord>(
      `SELECT * FROM (${DEFECTS_SQL}) d ${filter} AND ($2::text IS NULL OR (d.reason, d.subject) > ($2::text, $3::text))
       ORDER BY d.reason, d.subject LIMIT $4`,
      [openOnly, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return { rows, totalCount: count?.n ?? 0 };
  }
}
