import type { EventStore, Position, RecordedEvent } from '@cdtt/event-sourcing';
import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';

/** What a projection reads next: its events, and how far the log was read to find them. */
export interface ProjectionPage {
  /** The events the projection accepts, in log order. */
  readonly events: readonly RecordedEvent[];
  /** The last event read (accepted or passed over): the checkpoint moves there. Null: nothing new. */
  readonly through: { readonly position: Position; readonly recordedAt: string } | null;
  /** Events read, accepted or passed over (`events_processed`). */
  readonly scanned: number;
  /** The read reached the visible head: wait for a wake-up before reading again. */
  readonly atHead: boolean;
}

/**
 * One page for a projection. A projection of named types asks the store for those types only, so
 * the rest of the log (most of it, for most projections: activities are two thirds of a national
 * log) is passed over where it is stored, never sent or parsed. A projection of every event
 * (`$all`) reads plain pages.
 */
export async function readProjectionPage(store: EventStore, projection: PostgresProjection, after: Position | null, maxCount: number): Promise<ProjectionPage> {
  if (!projection.eventTypes.includes(ANY_EVENT_TYPE)) {
    return store.readAllOfTypes({ after: after ?? undefined, maxCount, types: projection.eventTypes });
  }
  const page = await store.readAll({ after: after ?? undefined, maxCount });
  const last = page.at(-1);
  return { events: page, through: last ? { position: last.position, recordedAt: last.recordedAt } : null, scanned: page.length, atHead: page.length < maxCount };
}
