import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';

/**
 * `event_type_counts_v1`: how many events of each type the registry recorded per UTC day, for
 * operators (activity at a glance, and a cross-check that the projector sees what was written).
 * Keyed by `recordedAt` (when we learned the fact), not `effectiveAt`.
 */
export const eventTypeCountsProjection: PostgresProjection = {
  name: 'event_type_counts_v1',
  eventTypes: [ANY_EVENT_TYPE],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO event_type_counts_v1 AS c (event_type, day, event_count, last_recorded_at)
       VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, 1, $2::timestamptz)
       ON CONFLICT (event_type, day) DO UPDATE SET
         event_count = c.event_count + 1,
         last_recorded_at = GREATEST(c.last_recorded_at, EXCLUDED.last_recorded_at)`,
      [event.type, event.recordedAt],
    );
  },
};
