import type { DataSource } from 'typeorm';
import type { ProvinceScope } from '@cdtt/platform';
import type { IndicatorRow, ReportRow, ReportVersionRow, TargetRow } from './reporting.rows';

export interface TargetFilter {
  readonly periodCode: string;
  readonly provinceCode?: string | null;
  readonly level?: string | null;
  readonly unitCode?: string | null;
  readonly indicatorCode?: string | null;
}

export interface ReportFilter {
  readonly periodCode?: string | null;
  readonly line?: string | null;
  readonly provinceCode?: string | null;
  readonly level?: string | null;
  readonly unitCode?: string | null;
  readonly status?: string | null;
  readonly late?: boolean | null;
}

export interface Page<T> {
  readonly rows: T[];
  readonly totalCount: number;
}

const REPORT_COLUMNS = `r.id, r.line, r.period_code, r.level, r.unit_code, r.province_code, r.status, r.version, r.stream_version,
  r.first_submitted_on::text AS first_submitted_on, r.last_changed_on::text AS last_changed_on, r.due_date::text AS due_date, r.late`;

/** Optional equality filters as SQL, numbered after `offset` placeholders already used. */
function equalities(columns: Record<string, string | boolean | null | undefined>, offset: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of Object.entries(columns)) {
    if (value === null || value === undefined) continue;
    params.push(value);
    parts.push(`${column} = $${offset + params.length}`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * Reads of the reporting read models. Every query filters by the caller's ProvinceScope in SQL:
 * another province's target or report reads exactly as one that does not exist.
 */
export class ReportingReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** Indicators defined (not built in) for a year: national ones and, when given, the province's. */
  definedIndicators(year: number, provinceCode: string | null): Promise<IndicatorRow[]> {
    return this.dataSource.query(
      `SELECT * FROM reporting_indicators_v1 WHERE year = $1 AND (province_code IS NULL OR province_code = $2) ORDER BY province_code NULLS FIRST, code`,
      [year, provinceCode],
    );
  }

  async listTargets(filter: TargetFilter, scope: ProvinceScope, limit: number, after: readonly [string, string, string] | null): Promise<Page<TargetRow>> {
    const where = `t.period_code = $1 AND ${scope.sqlFilter('t.province_code', '$2')}`;
    const eq = equalities({ 't.province_code': filter.provinceCode, 't.level': filter.level, 't.unit_code': filter.unitCode, 't.indicator_code': filter.indicatorCode }, 2);
    const params = [filter.periodCode, scope.sqlParam, ...eq.params];
    const total = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM reporting_targets_v1 t WHERE ${where}${eq.sql}`, params);
    const n = params.length;
    const rows = await this.dataSource.query<TargetRow[]>(
      `SELECT t.province_code, t.period_code, t.level, t.unit_code, t.indicator_code, t.parent_level, t.parent_code, t.value,
         t.assigned_on::text AS assigned_on, t.revised_on::text AS revised_on, t.revisions, (p.closed_on IS NOT NULL) AS closed
       FROM reporting_targets_v1 t
       LEFT JOIN reporting_target_periods_v1 p ON p.province_code = t.province_code AND p.period_code = t.period_code
       WHERE ${where}${eq.sql} AND ($${n + 1}::text IS NULL OR (t.level, t.unit_code, t.indicator_code) > ($${n + 1}, $${n + 2}, $${n + 3}))
       ORDER BY t.level, t.unit_code, t.indicator_code LIMIT $${n + 4}`,
      [...params, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
    return { rows, totalCount: total[0]?.n ?? 0 };
  }

  /** Targets of some units for a period and indicator set (for actual-vs-target figures). */
  targetsOf(periodCode: string, level: string, unitCode: string): Promise<Array<{ indicator_code: string; value: number }>> {
    return this.dataSource.query('SELECT indicator_code, value FROM reporting_targets_v1 WHERE period_code = $1 AND level = $2 AND unit_code = $3', [periodCode, level, unitCode]);
  }

  async findReport(id: string, scope: ProvinceScope): Promise<ReportRow | null> {
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM reporting_reports_v1 r WHERE r.id = $1 AND ${scope.sqlFilter('r.province_code', '$2')}`,
      [id, scope.sqlParam],
    );
    return rows[0] ?? null;
  }

  async listReports(filter: ReportFilter, scope: ProvinceScope, limit: number, afterId: string | null): Promise<Page<ReportRow>> {
    const where = scope.sqlFilter('r.province_code', '$1');
    const eq = equalities(
      { 'r.period_code': filter.periodCode, 'r.line': filter.line, 'r.province_code': filter.provinceCode, 'r.level': filter.level, 'r.unit_code': filter.unitCode, 'r.status': filter.status, 'r.late': filter.late },
      1,
    );
    const params = [scope.sqlParam, ...eq.params];
    const total = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM reporting_reports_v1 r WHERE ${where}${eq.sql}`, params);
    const n = params.length;
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM reporting_reports_v1 r WHERE ${where}${eq.sql} AND ($${n + 1}::text IS NULL OR r.id > $${n + 1})
       ORDER BY r.id LIMIT $${n + 2}`,
      [...params, afterId, limit],
    );
    return { rows, totalCount: total[0]?.n ?? 0 };
  }

  /** Every version of a report, oldest first (the report's scope was checked when it was found). */
  versions(reportId: string): Promise<ReportVersionRow[]> {
    return this.dataSource.query(
      `SELECT report_id, version, kind, recorded_on::text AS recorded_on, late, reason, note, figures,
         returned_on::text AS returned_on, returned_reason, accepted_on::text AS accepted_on
       FROM reporting_report_versions_v1 WHERE report_id = $1 ORDER BY version`,
      [reportId],
    );
  }

  /** Reports of the given units for a period and line (the reporting summary of a unit). */
  reportsOfUnits(periodCode: string, line: string, level: string, unitCodes: readonly string[]): Promise<ReportRow[]> {
    return this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM reporting_reports_v1 r WHERE r.period_code = $1 AND r.line = $2 AND r.level = $3 AND r.unit_code = ANY($4::text[])`,
      [periodCode, line, level, unitCodes],
    );
  }
}
