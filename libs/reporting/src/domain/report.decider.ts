import type { DomainError } from '@cdtt/event-sourcing';
import type { ReportEvent, ReportFigure, ReportSubmittedData } from './report.events';
import { ReportingErrors } from './reporting.errors';
import type { LocalDate, ReportingLine, ReportingUnit } from './reporting.model';

export type ReportStatus = 'NONE' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';

/** What the report is about, from its first submission: what the services need to scope and recompute. */
export interface ReportSubject {
  readonly line: ReportingLine;
  readonly periodCode: string;
  readonly unit: ReportingUnit;
  readonly provinceCode: string;
}

export interface ReportState {
  readonly status: ReportStatus;
  /** The latest version's number; 0 before the first submission. */
  readonly version: number;
  readonly subject: ReportSubject | null;
}

export type ReportCommand =
  | {
      readonly type: 'SubmitReport';
      readonly reportId: string;
      readonly line: ReportingLine;
      readonly periodCode: string;
      readonly periodFrom: LocalDate;
      readonly unit: ReportingUnit;
      readonly provinceCode: string;
      readonly figures: readonly ReportFigure[];
      readonly note: string | null;
      readonly dueDate: LocalDate | null;
      readonly today: LocalDate;
    }
  | { readonly type: 'ReturnReport'; readonly reportId: string; readonly reason: string; readonly today: LocalDate }
  | { readonly type: 'AcceptReport'; readonly reportId: string; readonly today: LocalDate }
  | {
      readonly type: 'AmendReport';
      readonly reportId: string;
      readonly figures: readonly ReportFigure[];
      readonly note: string | null;
      readonly reason: string;
      readonly today: LocalDate;
    };

function submit(command: Extract<ReportCommand, { type: 'SubmitReport' }>, state: ReportState): readonly ReportEvent[] | DomainError {
  if (state.status === 'SUBMITTED' || state.status === 'ACCEPTED') return ReportingErrors.reportAlreadySubmitted();
  if (command.today < command.periodFrom) return ReportingErrors.reportPeriodNotStarted(command.periodFrom);
  const { reportId, line, periodCode, unit, provinceCode, figures, note, dueDate, today } = command;
  // A resubmission after a return is a new version; lateness is the submission's own, against the due date.
  const data: ReportSubmittedData = {
    reportId, line, periodCode, unit, provinceCode, version: state.version + 1, figures, note, submittedOn: today, dueDate,
    late: dueDate !== null && today > dueDate,
  };
  return [{ type: 'ReportSubmitted', data }];
}

function review(command: Extract<ReportCommand, { type: 'ReturnReport' | 'AcceptReport' }>, state: ReportState): readonly ReportEvent[] | DomainError {
  if (state.status === 'NONE') return ReportingErrors.reportNotFound();
  if (state.status !== 'SUBMITTED') return ReportingErrors.reportNotSubmitted(state.status);
  const { reportId, today } = command;
  if (command.type === 'AcceptReport') return [{ type: 'ReportAccepted', data: { reportId, version: state.version, acceptedOn: today } }];
  if (!command.reason.trim()) return ReportingErrors.reasonRequired();
  return [{ type: 'ReportReturned', data: { reportId, version: state.version, reason: command.reason, returnedOn: today } }];
}

/**
 * A report of one unit, period and line (rule 9). A submitted version is never changed: a return
 * asks for a resubmission (a new version), an amendment of a submitted or accepted report is a new
 * version too, and every version keeps its own snapshot of figures.
 */
export const reportDecider = {
  initialState: { status: 'NONE', version: 0, subject: null } as ReportState,
  evolve(state: ReportState, event: ReportEvent): ReportState {
    switch (event.type) {
      case 'ReportSubmitted': {
        const { line, periodCode, unit, provinceCode } = event.data;
        return { status: 'SUBMITTED', version: event.data.version, subject: { line, periodCode, unit, provinceCode } };
      }
      case 'ReportAmended':
        return { ...state, status: 'SUBMITTED', version: event.data.version };
      case 'ReportReturned':
        return { ...state, status: 'RETURNED' };
      case 'ReportAccepted':
        return { ...state, status: 'ACCEPTED' };
    }
  },
  decide(command: ReportCommand, state: ReportState): readonly ReportEvent[] | DomainError {
    switch (command.type) {
      case 'SubmitReport':
        return submit(command, state);
      case 'ReturnReport':
      case 'AcceptReport':
        return review(command, state);
      case 'AmendReport': {
        if (state.status === 'NONE') return ReportingErrors.reportNotFound();
        if (state.status === 'RETURNED') return ReportingErrors.reportReturned();
        if (!command.reason.trim()) return ReportingErrors.reasonRequired();
        const { reportId, figures, note, reason, today } = command;
        return [{ type: 'ReportAmended', data: { reportId, version: state.version + 1, figures, note, reason, amendedOn: today } }];
      }
    }
  },
};
