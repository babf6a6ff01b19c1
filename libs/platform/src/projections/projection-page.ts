import { typedPageOf, type EventStore, type Position, type TypedPage } from '@cdtt/event-sourcing';
import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';

/**
 * One page for a projection: only the events it accepts, and how far the log was read for them (the
 * checkpoint moves there). A projection of named types asks the store for those types only, so the
 * rest of the log (most of it, for most projections: activities are two thirds of a national log)
 * is passed over where it is stored, never sent or parsed. A projection of every event (`$all`)
 * reads plain pages.
 */
export async function readProjectionPage(store: EventStore, projection: PostgresProjection, after: Position | null, maxCount: number): Promise<TypedPage> {
  if (!projection.eventTypes.includes(ANY_EVENT_TYPE)) {
    return store.readAllOfTypes({ after: after ?? undefined, maxCount, types: projection.eventTypes });
  }
  return typedPageOf(await store.readAll({ after: after ?? undefined, maxCount }), maxCount);
}
