import { localDateOf, parsePeriod, type ProvinceScope } from '@cdtt/platform';
import type { Clock } from '@cdtt/event-sourcing';
import { REPORTING_LINES, type LocalDate, type ReportingLine } from '../domain/reporting.model';
import type { ReportRow } from '../read-models/reporting.rows';
import type { ReportCalendar } from './report-calendar';
import type { FigureUnit, ReporterDirectory } from './reporting.ports';
import { asOfIn } from './target-commands.service';

/** Reports due to a unit for a period and line, from the units that report to it (not a GraphQL type). */
export interface ReportingSummary {
  readonly line: ReportingLine;
  readonly periodCode: string;
  readonly dueDate: LocalDate | null;
  /** The units expected to report: provinces to the nation, communes to a province, active teams to a commune. */
  readonly expected: number;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  /** Not submitted and the due date has passed (flagged). */
  readonly missing: number;
  /** Not submitted, not due yet (or the period has no due date). */
  readonly notYetDue: number;
  /** The units counted as missing (a team by its uuid), by code: the flag a reviewer follows up. */
  readonly missingUnits: { readonly level: string; readonly codes: readonly string[] };
}

export interface ReportsOfUnits {
  reportsOfUnits(periodCode: string, line: string, level: string, unitCodes: readonly string[]): Promise<ReportRow[]>;
}

/** Counts reports on time, late and missing against the calendar, per line. */
export class ReportingSummaries {
  constructor(
    private readonly reporters: ReporterDirectory,
    private readonly reports: ReportsOfUnits,
    private readonly calendar: ReportCalendar,
    private readonly clock: Clock,
  ) {}

  /** Null for a bad period code; an empty list for a unit nobody reports to. */
  async of(unit: FigureUnit, periodCode: string, scope: ProvinceScope): Promise<ReportingSummary[] | null> {
    const period = parsePeriod(periodCode);
    if (!period) return null;
    const today = localDateOf(this.clock.now());
    const reporters = await this.reporters.reportersOf(unit, asOfIn(period, today), scope);
    if (!reporters) return [];
    const summaries: ReportingSummary[] = [];
    for (const line of REPORTING_LINES) {
      const dueDate = this.calendar.dueDate(line, period);
      const rows = reporters.codes.length === 0 ? [] : await this.reports.reportsOfUnits(period.code, line, reporters.level, reporters.codes);
      const late = rows.filter((r) => r.late).length;
      const waiting = reporters.codes.length - rows.length;
      const overdue = dueDate !== null && today > dueDate;
      const reported = new Set(rows.map((r) => r.unit_code));
      const missingCodes = overdue ? reporters.codes.filter((code) => !reported.has(code)).sort() : [];
      summaries.push({
        line, periodCode: period.code, dueDate, expected: reporters.codes.length, submitted: rows.length, onTime: rows.length - late, late,
        missing: overdue ? waiting : 0, notYetDue: overdue ? 0 : waiting, missingUnits: { level: reporters.level, codes: missingCodes },
      });
    }
    return summaries;
  }
}
