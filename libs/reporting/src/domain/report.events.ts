import type { Aggregation, LocalDate, ReportingLine, ReportingUnit } from './reporting.model';

/** A report's identity: one per line, period and unit; its versions live in its stream. */
export const reportIdOf = (line: ReportingLine, periodCode: string, unit: ReportingUnit): string => `${line}:${periodCode}:${unit.level}:${unit.code}`;
export const reportStreamName = (reportId: string): string => `report-${reportId}`;

/**
 * One indicator's figure as submitted: a self-contained copy (names, unit, target too), so the
 * report reads the same forever whatever the catalogue, targets or later events say.
 */
export interface ReportFigure {
  readonly indicatorCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly aggregation: Aggregation;
  readonly source: string;
  /** Null when the registry has no figure for it (a MANUAL one left blank, a measure not computed at this level). */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly target: number | null;
}

interface Version {
  readonly version: number;
  readonly figures: readonly ReportFigure[];
  readonly note: string | null;
}

export interface ReportSubmittedData extends Version {
  readonly reportId: string;
  readonly line: ReportingLine;
  readonly periodCode: string;
  readonly unit: ReportingUnit;
  readonly provinceCode: string;
  readonly submittedOn: LocalDate;
  readonly dueDate: LocalDate | null;
  readonly late: boolean;
}

export interface ReportAmendedData extends Version {
  readonly reportId: string;
  readonly amendedOn: LocalDate;
  readonly reason: string;
}

export type ReportEvent =
  | { readonly type: 'ReportSubmitted'; readonly data: ReportSubmittedData }
  | { readonly type: 'ReportReturned'; readonly data: { readonly reportId: string; readonly version: number; readonly reason: string; readonly returnedOn: LocalDate } }
  | { readonly type: 'ReportAccepted'; readonly data: { readonly reportId: string; readonly version: number; readonly acceptedOn: LocalDate } }
  | { readonly type: 'ReportAmended'; readonly data: ReportAmendedData };

export const REPORT_EVENT_TYPES = ['ReportSubmitted', 'ReportReturned', 'ReportAccepted', 'ReportAmended'] as const;
