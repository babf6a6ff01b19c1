import { DomainError } from '@cdtt/event-sourcing';
import { reportDecider, type ReportCommand, type ReportState } from './report.decider';
import type { ReportEvent, ReportFigure } from './report.events';

const figure = (value: number): ReportFigure => ({
  indicatorCode: 'TEAMS', nameVi: 'Số Tổ CNSCĐ', nameEn: 'Teams', unit: 'tổ', aggregation: 'END_OF_PERIOD', source: 'TEAMS:ACTIVE_TEAMS',
  value, numerator: null, denominator: null, target: 5,
});
const unit = { level: 'COMMUNE', code: '00004' } as const;
const reportId = 'STATE:2025:COMMUNE:00004';
const submit = (today: string, value = 3): ReportCommand => ({
  type: 'SubmitReport', reportId, line: 'STATE', periodCode: '2025', periodFrom: '2025-01-01', unit, provinceCode: '01',
  figures: [figure(value)], note: null, dueDate: '2025-12-15', today,
});
const accept: ReportCommand = { type: 'AcceptReport', reportId, today: '2025-12-20' };
const giveBack = (reason = 'thiếu số liệu'): ReportCommand => ({ type: 'ReturnReport', reportId, reason, today: '2025-12-18' });
const amend = (value: number, reason = 'bổ sung'): ReportCommand => ({ type: 'AmendReport', reportId, figures: [figure(value)], note: null, reason, today: '2026-01-10' });

function run(commands: ReportCommand[]): { state: ReportState; last: readonly ReportEvent[] | string } {
  let state = reportDecider.initialState;
  let last: readonly ReportEvent[] | string = [];
  for (const command of commands) {
    const result = reportDecider.decide(command, state);
    if (result instanceof DomainError) return { state, last: result.code };
    last = result;
    state = result.reduce(reportDecider.evolve, state);
  }
  return { state, last };
}

describe('Report decider', () => {
  it('submits version 1 with its figures, on time or late against the due date', () => {
    const onTime = run([submit('2025-12-15')]).last as ReportEvent[];
    expect(onTime[0]).toMatchObject({ type: 'ReportSubmitted', data: { version: 1, late: false, submittedOn: '2025-12-15', figures: [figure(3)] } });
    expect((run([submit('2025-12-16')]).last as ReportEvent[])[0]).toMatchObject({ data: { late: true } });
    expect((run([{ ...submit('2030-01-01'), dueDate: null } as ReportCommand]).last as ReportEvent[])[0]).toMatchObject({ data: { late: false } });
  });

  it('refuses a second submission and a period that has not started', () => {
    expect(run([submit('2025-12-01'), submit('2025-12-02')]).last).toBe('REPORT_ALREADY_SUBMITTED');
    expect(run([submit('2025-12-01'), accept, submit('2025-12-02')]).last).toBe('REPORT_ALREADY_SUBMITTED');
    expect(run([submit('2024-12-31')]).last).toBe('REPORT_PERIOD_NOT_STARTED');
  });

  it('returns with a reason and takes a resubmission as a new version', () => {
    expect(run([submit('2025-12-01'), giveBack(' ')]).last).toBe('REASON_REQUIRED');
    const { state, last } = run([submit('2025-12-01'), giveBack(), submit('2025-12-19', 4)]);
    expect(state).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect((last as ReportEvent[])[0]).toMatchObject({ data: { version: 2, late: true, figures: [figure(4)] } });
    expect(run([submit('2025-12-01'), giveBack(), amend(5)]).last).toBe('REPORT_RETURNED');
  });

  it('accepts only a submitted version', () => {
    expect(run([accept]).last).toBe('REPORT_NOT_FOUND');
    expect(run([submit('2025-12-01'), accept, accept]).last).toBe('REPORT_NOT_SUBMITTED');
    expect(run([submit('2025-12-01'), giveBack(), giveBack()]).last).toBe('REPORT_NOT_SUBMITTED');
    expect(run([submit('2025-12-01'), accept]).state).toEqual({ status: 'ACCEPTED', version: 1, subject: { line: 'STATE', periodCode: '2025', unit, provinceCode: '01' } });
  });

  it('amends a submitted or accepted report as a new version, with a reason', () => {
    expect(run([amend(5)]).last).toBe('REPORT_NOT_FOUND');
    expect(run([submit('2025-12-01'), accept, amend(5, '')]).last).toBe('REASON_REQUIRED');
    const { state, last } = run([submit('2025-12-01'), accept, amend(5)]);
    expect(last).toEqual([{ type: 'ReportAmended', data: { reportId, version: 2, figures: [figure(5)], note: null, reason: 'bổ sung', amendedOn: '2026-01-10' } }]);
    expect(state).toMatchObject({ status: 'SUBMITTED', version: 2 });
  });
});
