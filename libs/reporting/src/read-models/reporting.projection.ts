import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import { INDICATOR_EVENT_TYPES } from '../domain/indicator-definition';
import { REPORT_EVENT_TYPES } from '../domain/report.events';
import { TARGET_PLAN_EVENT_TYPES } from '../domain/target-plan.events';
import { applyReportEvent } from './report-events.apply';
import { applyIndicatorEvent, applyTargetEvent } from './target-events.apply';

export const REPORTING_PROJECTION = 'reporting_v1';

/**
 * `reporting_v1`: indicators, targets and reports. Only this context's own streams are read, so an
 * event of the same name written elsewhere cannot poison the read model.
 */
export const reportingProjection: PostgresProjection = {
  name: REPORTING_PROJECTION,
  eventTypes: [...INDICATOR_EVENT_TYPES, ...TARGET_PLAN_EVENT_TYPES, ...REPORT_EVENT_TYPES],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (event.streamName.startsWith('report-')) return applyReportEvent(event, manager);
    if (event.streamName.startsWith('targetplan-')) return applyTargetEvent(event, manager);
    if (event.streamName.startsWith('indicators-')) return applyIndicatorEvent(event, manager);
  },
};

export const REPORTING_PROJECTIONS: readonly PostgresProjection[] = [reportingProjection];
