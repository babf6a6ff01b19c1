import { GeographyQueriesResolver } from './geography-queries.resolver';
import { SuccessionResolver } from './succession.resolver';
import { VillageMutationsResolver } from './village-mutations.resolver';
import { VillageRearrangementResolver } from './village-rearrangement.resolver';

/** Every resolver of the geography context: its module provides them, the schema printer lists them. */
export const GEOGRAPHY_RESOLVERS = [GeographyQueriesResolver, VillageMutationsResolver, SuccessionResolver, VillageRearrangementResolver] as const;
