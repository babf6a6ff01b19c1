import { isLocalDate, type LocalDate } from './effective-at';

/**
 * A reporting period named by a code: `2025` (year), `2025-H1` (half), `2025-Q3` (quarter),
 * `2025-07` (month). Targets, reports and per-period indicator figures all use these codes so a
 * figure, its target and the report that carries it always cover exactly the same days.
 */
export interface Period {
  readonly code: string;
  readonly kind: PeriodKind;
  /** First day, inclusive. */
  readonly from: LocalDate;
  /** Last day, inclusive. */
  readonly to: LocalDate;
}

export type PeriodKind = 'YEAR' | 'HALF' | 'QUARTER' | 'MONTH';

const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

function lastDayOf(year: number, month: number): LocalDate {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function span(year: number, firstMonth: number, months: number): { from: LocalDate; to: LocalDate } {
  const mm = String(firstMonth).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: lastDayOf(year, firstMonth + months - 1) };
}

/** The period a code names, or null when the code is not one (the caller turns that into a coded error). */
export function parsePeriod(code: string): Period | null {
  const match = PERIOD.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2200) return null;
  const part = match[2];
  if (part === undefined) return { code, kind: 'YEAR', ...span(year, 1, 12) };
  if (part.startsWith('H')) return { code, kind: 'HALF', ...span(year, part === 'H1' ? 1 : 7, 6) };
  if (part.startsWith('Q')) return { code, kind: 'QUARTER', ...span(year, (Number(part.slice(1)) - 1) * 3 + 1, 3) };
  return { code, kind: 'MONTH', ...span(year, Number(part), 1) };
}

/** True when the date lies inside the period (both ends inclusive). */
export function periodContains(period: Period, date: LocalDate): boolean {
  return isLocalDate(date) && date >= period.from && date <= period.to;
}
