import { ProvinceScope } from '@cdtt/platform';
import type { ReportRow } from '../read-models/reporting.rows';
import { ReportCalendar } from './report-calendar';
import { ReportingSummaries } from './reporting-summary';

const row = (unit: string, line: 'STATE' | 'YOUTH_UNION', late: boolean): ReportRow => ({
  id: `${line}:2025:COMMUNE:${unit}`, line, period_code: '2025', level: 'COMMUNE', unit_code: unit, province_code: '01', status: 'SUBMITTED',
  version: 1, stream_version: 0, first_submitted_on: late ? '2025-12-20' : '2025-12-01', last_changed_on: '2025-12-01', due_date: '2025-12-15', late,
});

function summaries(today: string) {
  const rows = [row('00004', 'STATE', false), row('00007', 'STATE', true), row('00004', 'YOUTH_UNION', false)];
  return new ReportingSummaries(
    { reportersOf: () => Promise.resolve({ level: 'COMMUNE', codes: ['00004', '00007', '00010'] }) },
    { reportsOfUnits: (_p, line, _l, codes) => Promise.resolve(rows.filter((r) => r.line === line && codes.includes(r.unit_code))) },
    new ReportCalendar(),
    { now: () => new Date(`${today}T03:00:00Z`) },
  );
}

describe('Reporting summaries', () => {
  it('counts on time, late and missing once the due date has passed', async () => {
    expect(await summaries('2025-12-16').of({ level: 'PROVINCE', code: '01' }, '2025', ProvinceScope.UNRESTRICTED)).toEqual([
      { line: 'STATE', periodCode: '2025', dueDate: '2025-12-15', expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, notYetDue: 0, missingUnits: { level: 'COMMUNE', codes: ['00010'] } },
      { line: 'YOUTH_UNION', periodCode: '2025', dueDate: '2025-12-15', expected: 3, submitted: 1, onTime: 1, late: 0, missing: 2, notYetDue: 0, missingUnits: { level: 'COMMUNE', codes: ['00007', '00010'] } },
    ]);
  });

  it('counts nothing missing on the due date itself, nor for a period without a due date', async () => {
    const onDue = await summaries('2025-12-15').of({ level: 'PROVINCE', code: '01' }, '2025', ProvinceScope.UNRESTRICTED);
    expect(onDue?.map((s) => [s.missing, s.notYetDue, s.missingUnits.codes])).toEqual([[0, 1, []], [0, 2, []]]);
    const quarter = await summaries('2026-06-01').of({ level: 'PROVINCE', code: '01' }, '2025-Q1', ProvinceScope.UNRESTRICTED);
    expect(quarter?.map((s) => [s.dueDate, s.missing])).toEqual([[null, 0], [null, 0]]);
    expect(await summaries('2026-06-01').of({ level: 'PROVINCE', code: '01' }, '1999', ProvinceScope.UNRESTRICTED)).toBeNull();
  });
});
