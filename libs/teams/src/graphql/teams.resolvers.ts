import { PersonMutationsResolver } from './person-mutations.resolver';
import { ReorganisationResolver } from './reorganisation.resolver';
import { StatisticsSeriesResolver } from './statistics-series.resolver';
import { TeamRearrangementResolver } from './team-rearrangement.resolver';
import { TeamMutationsResolver } from './team-mutations.resolver';
import { TeamQueriesResolver } from './team-queries.resolver';
import { TeamRosterResolver } from './team-roster.resolver';
import { TeamStatisticsResolver } from './team-statistics.resolver';

/** Every resolver of the teams context, for TeamsModule and the schema printer. */
export const TEAMS_RESOLVERS = [
  TeamMutationsResolver,
  TeamRosterResolver,
  PersonMutationsResolver,
  TeamQueriesResolver,
  TeamStatisticsResolver,
  ReorganisationResolver,
  StatisticsSeriesResolver,
  TeamRearrangementResolver,
] as const;
