import { ActivityMutationsResolver } from './activity-mutations.resolver';
import { TeamFieldworkResolver, UnitFieldworkResolver } from './fieldwork-figures.resolver';
import { FieldworkQueriesResolver } from './fieldwork-queries.resolver';
import { TrainingMutationsResolver } from './training-mutations.resolver';

/** Every resolver of the field-work context, for FieldworkModule and the schema printer. */
export const FIELDWORK_RESOLVERS = [
  TrainingMutationsResolver,
  ActivityMutationsResolver,
  FieldworkQueriesResolver,
  UnitFieldworkResolver,
  TeamFieldworkResolver,
] as const;
