import type { RecordedEvent } from '@cdtt/event-sourcing';
import { queueSql, type PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import type { AdministrativeMappingIssueRecordedData } from '../domain/admin-unit.events';

export const ADMIN_MAPPING_ISSUES_PROJECTION = 'admin_mapping_issues_v1';

/** `admin_mapping_issues_v1`: the import's findings, one row per (reason, subject); a newer dataset's finding replaces the older. */
export const adminMappingIssuesProjection: PostgresProjection = {
  name: ADMIN_MAPPING_ISSUES_PROJECTION,
  eventTypes: ['AdministrativeMappingIssueRecorded'],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!event.streamName.startsWith('admin_mapping_issues-')) return;
    const i = event.data as AdministrativeMappingIssueRecordedData;
    await queueSql(manager, 
      `INSERT INTO admin_mapping_issues_v1 (reason, subject, kind, message, source, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (reason, subject) DO UPDATE SET kind = EXCLUDED.kind, message = EXCLUDED.message, source = EXCLUDED.source,
         recorded_at = EXCLUDED.recorded_at`,
      [i.reason, i.subject, i.kind, i.message, i.source, event.recordedAt],
    );
  },
};
