import type { PostgresProjection } from '@cdtt/platform';
import { teamsProjection } from './teams.projection';

/** Every projection of the teams context, for the projector. */
export const TEAMS_PROJECTIONS: readonly PostgresProjection[] = [teamsProjection];
