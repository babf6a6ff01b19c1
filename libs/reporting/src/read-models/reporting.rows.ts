import type { ReportFigure } from '../domain/report.events';

/** Rows as the reporting read services return them (dates as `YYYY-MM-DD` text); not GraphQL types. */
export interface TargetRow {
  province_code: string;
  period_code: string;
  level: 'PROVINCE' | 'COMMUNE' | 'TEAM';
  unit_code: string;
  indicator_code: string;
  parent_level: string | null;
  parent_code: string | null;
  value: number;
  assigned_on: string;
  revised_on: string | null;
  revisions: number;
  closed: boolean;
}

export interface ReportRow {
  id: string;
  line: 'STATE' | 'YOUTH_UNION';
  period_code: string;
  level: 'PROVINCE' | 'COMMUNE' | 'TEAM';
  unit_code: string;
  province_code: string;
  status: 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
  version: number;
  stream_version: number;
  first_submitted_on: string;
  last_changed_on: string;
  due_date: string | null;
  late: boolean;
}

export interface ReportVersionRow {
  report_id: string;
  version: number;
  kind: 'SUBMITTED' | 'AMENDED';
  recorded_on: string;
  late: boolean;
  reason: string | null;
  note: string | null;
  figures: ReportFigure[];
  returned_on: string | null;
  returned_reason: string | null;
  accepted_on: string | null;
}

export interface IndicatorRow {
  year: number;
  code: string;
  province_code: string | null;
  name_vi: string;
  name_en: string;
  unit: string;
  aggregation: 'SUM' | 'END_OF_PERIOD' | 'RATIO';
  source: string;
  denominator_source: string | null;
}
