import { registerAuditEvents, type AuditDataSpec } from '@cdtt/platform';
import type { INDICATOR_EVENT_TYPES } from '../domain/indicator-definition';
import type { REPORT_EVENT_TYPES } from '../domain/report.events';
import type { TARGET_PLAN_EVENT_TYPES } from '../domain/target-plan.events';

const unit: AuditDataSpec = { level: 'String', code: 'String' };

/** A report's figure as frozen in the snapshot: what the auditor compares against the read models. */
const figure: AuditDataSpec = {
  indicatorCode: 'String',
  nameVi: 'String',
  nameEn: 'String',
  unit: 'String',
  aggregation: 'String',
  source: 'String',
  value: 'Float',
  numerator: 'Float',
  denominator: 'Float',
  target: 'Float',
};

/** How history and the audit log show the reporting context's events (no personal fields). */
export const REPORTING_AUDIT_EVENTS = registerAuditEvents({
  IndicatorDefined: {
    year: 'Int',
    provinceCode: 'String',
    code: 'String',
    nameVi: 'String',
    nameEn: 'String',
    unit: 'String',
    aggregation: 'String',
    source: 'String',
    denominatorSource: 'String',
  },
  TargetAssigned: { provinceCode: 'String', periodCode: 'String', unit, parent: unit, indicatorCode: 'String', value: 'Float', assignedOn: 'String' },
  TargetRevised: {
    provinceCode: 'String',
    periodCode: 'String',
    unit,
    indicatorCode: 'String',
    value: 'Float',
    previousValue: 'Float',
    reason: 'String',
    revisedOn: 'String',
  },
  TargetPeriodClosed: { provinceCode: 'String', periodCode: 'String', closedOn: 'String' },
  ReportSubmitted: {
    reportId: 'ID',
    line: 'String',
    periodCode: 'String',
    unit,
    provinceCode: 'String',
    submittedOn: 'String',
    dueDate: 'String',
    late: 'Boolean',
    version: 'Int',
    figures: [figure],
    note: 'String',
  },
  ReportReturned: { reportId: 'ID', version: 'Int', reason: 'String', returnedOn: 'String' },
  ReportAccepted: { reportId: 'ID', version: 'Int', acceptedOn: 'String' },
  ReportAmended: { reportId: 'ID', version: 'Int', figures: [figure], note: 'String', amendedOn: 'String', reason: 'String' },
} satisfies Record<(typeof INDICATOR_EVENT_TYPES)[number] | (typeof REPORT_EVENT_TYPES)[number] | (typeof TARGET_PLAN_EVENT_TYPES)[number], AuditDataSpec>);
