import { isLocalDate, type LocalDate, type Period } from '@cdtt/platform';
import { REPORTING_LINES, type ReportingLine } from '../domain/reporting.model';

/**
 * When a report is due, per line and period. A rule is keyed by a period code (`2022-Q3`) or a
 * period kind (`YEAR`, `HALF`, `QUARTER`, `MONTH`); the code wins. Its value is a date
 * (`2022-09-15`), a day of the period's last year (`12-15`), or days after the period ends (`+15`).
 * A period with no rule has no due date: its reports are never late nor missing.
 */
export type CalendarRules = Readonly<Record<ReportingLine, Readonly<Record<string, string>>>>;

/**
 * Plan 557: establishment results before 15 Sep 2022 (reported as period 2022-Q3), activity
 * results before 15 Dec 2022, then yearly (each year's report by 15 Dec), on both lines.
 */
const PLAN_557: Readonly<Record<string, string>> = { '2022-Q3': '2022-09-15', YEAR: '12-15' };
export const BUILT_IN_CALENDAR: CalendarRules = { STATE: PLAN_557, YOUTH_UNION: PLAN_557 };

const KEY = /^(\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?|YEAR|HALF|QUARTER|MONTH)$/;
const RULE = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}|\+\d{1,3})$/;

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function apply(rule: string, period: Period): LocalDate | null {
  if (rule.startsWith('+')) return addDays(period.to, Number(rule.slice(1)));
  const date = rule.length === 5 ? `${period.to.slice(0, 4)}-${rule}` : rule;
  return isLocalDate(date) ? date : null;
}

export class ReportCalendar {
  constructor(private readonly rules: CalendarRules = BUILT_IN_CALENDAR) {}

  dueDate(line: ReportingLine, period: Period): LocalDate | null {
    const rules = this.rules[line];
    const rule = rules[period.code] ?? rules[period.kind];
    return rule === undefined ? null : apply(rule, period);
  }
}

/**
 * REPORT_CALENDAR: JSON `{"STATE": {"QUARTER": "+15"}, "YOUTH_UNION": {"2026-H1": "2026-07-20"}}`,
 * merged over the built-in Plan 557 rules per line (a key given replaces the built-in one; `null`
 * removes it). A bad value stops the start with one line per problem.
 */
export function reportCalendarFrom(raw: string | undefined): ReportCalendar {
  if (raw === undefined || raw.trim() === '') return new ReportCalendar();
  const problems: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('REPORT_CALENDAR must be JSON, e.g. {"STATE": {"QUARTER": "+15"}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('REPORT_CALENDAR must be a JSON object keyed by line');
  const rules: Record<ReportingLine, Record<string, string>> = { STATE: { ...PLAN_557 }, YOUTH_UNION: { ...PLAN_557 } };
  for (const [line, entries] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(REPORTING_LINES as readonly string[]).includes(line)) {
      problems.push(`REPORT_CALENDAR: unknown line ${line} (STATE or YOUTH_UNION)`);
      continue;
    }
    if (typeof entries !== 'object' || entries === null) {
      problems.push(`REPORT_CALENDAR.${line} must be an object of rules`);
      continue;
    }
    for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
      if (!KEY.test(key)) problems.push(`REPORT_CALENDAR.${line}: ${key} is not a period code or kind`);
      else if (value === null) delete rules[line as ReportingLine][key];
      else if (typeof value !== 'string' || !RULE.test(value)) problems.push(`REPORT_CALENDAR.${line}.${key} must be YYYY-MM-DD, MM-DD or +N days`);
      else rules[line as ReportingLine][key] = value;
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return new ReportCalendar(rules);
}
