import { parsePeriod, type Period } from '@cdtt/platform';
import { ReportCalendar, reportCalendarFrom } from './report-calendar';

const p = (code: string): Period => parsePeriod(code)!;

describe('Report calendar', () => {
  it('has the Plan 557 dates built in: 15 Sep 2022, 15 Dec 2022, then yearly', () => {
    const calendar = new ReportCalendar();
    expect(calendar.dueDate('STATE', p('2022-Q3'))).toBe('2022-09-15');
    expect(calendar.dueDate('YOUTH_UNION', p('2022'))).toBe('2022-12-15');
    expect(calendar.dueDate('STATE', p('2025'))).toBe('2025-12-15');
    expect(calendar.dueDate('STATE', p('2025-Q1'))).toBeNull();
  });

  it('takes REPORT_CALENDAR rules per line: code over kind, dates, days of the year, days after', () => {
    const calendar = reportCalendarFrom('{"STATE": {"QUARTER": "+15", "2025-Q4": "2026-01-05", "YEAR": "12-20"}, "YOUTH_UNION": {"YEAR": null}}');
    expect(calendar.dueDate('STATE', p('2025-Q1'))).toBe('2025-04-15');
    expect(calendar.dueDate('STATE', p('2025-Q4'))).toBe('2026-01-05');
    expect(calendar.dueDate('STATE', p('2025'))).toBe('2025-12-20');
    expect(calendar.dueDate('STATE', p('2022-Q3'))).toBe('2022-09-15');
    expect(calendar.dueDate('YOUTH_UNION', p('2025'))).toBeNull();
  });

  it('refuses a bad setting with one line per problem', () => {
    expect(() => reportCalendarFrom('nope')).toThrow(/must be JSON/);
    expect(() => reportCalendarFrom('{"PARTY": {}, "STATE": {"WEEK": "+1", "YEAR": "15 Dec"}}')).toThrow(
      /unknown line PARTY[\s\S]*WEEK is not a period[\s\S]*YEAR must be/,
    );
  });
});
