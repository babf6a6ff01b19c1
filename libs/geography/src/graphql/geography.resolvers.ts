import { GeographyQueriesResolver } from './geography-queries.resolver';
import { VillageMutationsResolver } from './village-mutations.resolver';

/** Every resolver of the geography context: its module provides them, the schema printer lists them. */
export const GEOGRAPHY_RESOLVERS = [GeographyQueriesResolver, VillageMutationsResolver] as const;
