import type { PostgresProjection } from '@cdtt/platform';
import { adminMappingIssuesProjection } from './admin-mapping-issues.projection';
import { adminUnitSuccessionsProjection } from './admin-unit-successions.projection';
import { adminUnitsProjection } from './admin-units.projection';
import { villagesProjection } from './villages.projection';

/** Every projection of the geography context, for the projector process. */
export const GEOGRAPHY_PROJECTIONS: readonly PostgresProjection[] = [
  adminUnitsProjection,
  adminUnitSuccessionsProjection,
  villagesProjection,
  adminMappingIssuesProjection,
];
