import { FIELDWORK_PROJECTIONS } from '@cdtt/fieldwork';
import { GEOGRAPHY_PROJECTIONS } from '@cdtt/geography';
import { REPORTING_PROJECTIONS } from '@cdtt/reporting';
import { TEAMS_PROJECTIONS } from '@cdtt/teams';
import { apiClientsProjection, auditIndexProjection, eventTypeCountsProjection, type PostgresProjection } from '@cdtt/platform';

/**
 * Every projection this process runs. A new version (`x_v2`) is added beside the old one, runs
 * to catch-up on its own tables and checkpoint, and the old one is removed once reads switched.
 */
export const projectorProjections: readonly PostgresProjection[] = [
  eventTypeCountsProjection,
  auditIndexProjection,
  apiClientsProjection,
  ...GEOGRAPHY_PROJECTIONS,
  ...TEAMS_PROJECTIONS,
  ...FIELDWORK_PROJECTIONS,
  ...REPORTING_PROJECTIONS,
];
