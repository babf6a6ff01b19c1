import { GEOGRAPHY_PROJECTIONS } from '@cdtt/geography';
import { TEAMS_PROJECTIONS } from '@cdtt/teams';
import { apiClientsProjection, eventTypeCountsProjection, type PostgresProjection } from '@cdtt/platform';

/**
 * Every projection this process runs. A new version (`x_v2`) is added beside the old one, runs
 * to catch-up on its own tables and checkpoint, and the old one is removed once reads switched.
 */
export const projectorProjections: readonly PostgresProjection[] = [
  eventTypeCountsProjection,
  apiClientsProjection,
  ...GEOGRAPHY_PROJECTIONS,
  ...TEAMS_PROJECTIONS,
];
