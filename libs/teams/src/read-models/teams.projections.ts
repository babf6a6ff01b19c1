import { withRecordedClock, type PostgresProjection } from '@cdtt/platform';
import { reorganisationProjection } from '../application/reorganisation/reorganisation.projection';
import { teamsProjection } from './teams.projection';

/** Every projection of the teams context, for the projector (the reorganisation process manager's queue included). */
// withRecordedClock: teams_v1's tables keep recorded history (time travel on the RECORDED clock, ADR 0011).
export const TEAMS_PROJECTIONS: readonly PostgresProjection[] = [withRecordedClock(teamsProjection), reorganisationProjection];
