import { ADMIN_UNIT_EVENT_TYPES } from './domain/admin-unit.events';
import { VILLAGE_EVENT_TYPES } from './domain/village.events';

/** Every event type of the geography context, for other contexts' projections to subscribe to. */
export const GEOGRAPHY_EVENT_TYPES: readonly string[] = [...ADMIN_UNIT_EVENT_TYPES, ...VILLAGE_EVENT_TYPES];
