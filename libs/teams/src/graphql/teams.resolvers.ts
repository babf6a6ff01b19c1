import { PersonMutationsResolver } from './person-mutations.resolver';
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
] as const;
