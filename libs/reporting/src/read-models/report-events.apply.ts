import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { ReportAmendedData, ReportEvent, ReportSubmittedData } from '../domain/report.events';

async function submitted(d: ReportSubmittedData, event: RecordedEvent, manager: EntityManager): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO reporting_reports_v1 (id, line, period_code, level, unit_code, province_code, status, version, stream_version,
       first_submitted_on, last_changed_on, due_date, late)
     VALUES ($1, $2, $3, $4, $5, $6, 'SUBMITTED', $7, $8, $9, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET status = 'SUBMITTED', version = $7, stream_version = $8, last_changed_on = $9`,
    [d.reportId, d.line, d.periodCode, d.unit.level, d.unit.code, d.provinceCode, d.version, event.revision, d.submittedOn, d.dueDate, d.late],
  );
  await insertVersion(d.reportId, d.version, 'SUBMITTED', d.submittedOn, d.late, null, d, manager);
}

async function amended(d: ReportAmendedData, event: RecordedEvent, manager: EntityManager): Promise<void> {
  await queueSql(manager, 
    `UPDATE reporting_reports_v1 SET status = 'SUBMITTED', version = $2, stream_version = $3, last_changed_on = $4 WHERE id = $1`,
    [d.reportId, d.version, event.revision, d.amendedOn],
  );
  await insertVersion(d.reportId, d.version, 'AMENDED', d.amendedOn, false, d.reason, d, manager);
}

function insertVersion(
  reportId: string,
  version: number,
  kind: string,
  on: string,
  late: boolean,
  reason: string | null,
  d: { readonly figures: unknown; readonly note: string | null },
  manager: EntityManager,
): Promise<unknown> {
  // The event's snapshot, copied as is: the only source of a version's figures.
  return queueSql(manager, 
    `INSERT INTO reporting_report_versions_v1 (report_id, version, kind, recorded_on, late, reason, note, figures)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (report_id, version) DO NOTHING`,
    [reportId, version, kind, on, late, reason, d.note, JSON.stringify(d.figures)],
  );
}

/** Applies one event of a `report-…` stream. */
export async function applyReportEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const e = { type: event.type, data: event.data } as ReportEvent;
  switch (e.type) {
    case 'ReportSubmitted':
      return submitted(e.data, event, manager);
    case 'ReportAmended':
      return amended(e.data, event, manager);
    case 'ReportReturned': {
      const { reportId, version, reason, returnedOn } = e.data;
      await queueSql(manager, `UPDATE reporting_reports_v1 SET status = 'RETURNED', stream_version = $2, last_changed_on = $3 WHERE id = $1`, [reportId, event.revision, returnedOn]);
      await queueSql(manager, 'UPDATE reporting_report_versions_v1 SET returned_on = $3, returned_reason = $4 WHERE report_id = $1 AND version = $2', [reportId, version, returnedOn, reason]);
      return;
    }
    case 'ReportAccepted': {
      const { reportId, version, acceptedOn } = e.data;
      await queueSql(manager, `UPDATE reporting_reports_v1 SET status = 'ACCEPTED', stream_version = $2, last_changed_on = $3 WHERE id = $1`, [reportId, event.revision, acceptedOn]);
      await queueSql(manager, 'UPDATE reporting_report_versions_v1 SET accepted_on = $3 WHERE report_id = $1 AND version = $2', [reportId, version, acceptedOn]);
      return;
    }
  }
}
