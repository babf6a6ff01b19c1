import { queueSql } from './write-queue';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';

/** The UTC day of an ISO instant (`recordedAt` is always UTC, `…Z`). */
const utcDay = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

/** Adds counts per (type, day), keeping the latest recordedAt: one statement for any number of keys. */
async function addCounts(manager: EntityManager, counts: ReadonlyMap<string, { type: string; day: string; count: number; last: string }>): Promise<void> {
  if (counts.size === 0) return;
  const rows = [...counts.values()];
  await queueSql(manager, 
    `INSERT INTO event_type_counts_v1 AS c (event_type, day, event_count, last_recorded_at)
     SELECT t, d::date, n, l::timestamptz FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS r(t, d, n, l)
     ON CONFLICT (event_type, day) DO UPDATE SET
       event_count = c.event_count + EXCLUDED.event_count,
       last_recorded_at = GREATEST(c.last_recorded_at, EXCLUDED.last_recorded_at)`,
    [rows.map((r) => r.type), rows.map((r) => r.day), rows.map((r) => r.count), rows.map((r) => r.last)],
  );
}

/** Counts a page in memory, then adds it in one statement. */
async function countPage(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const counts = new Map<string, { type: string; day: string; count: number; last: string }>();
  for (const event of events) {
    const day = utcDay(event.recordedAt);
    const key = `${event.type}\u0000${day}`;
    const entry = counts.get(key);
    if (!entry) counts.set(key, { type: event.type, day, count: 1, last: event.recordedAt });
    else {
      entry.count += 1;
      if (new Date(event.recordedAt) > new Date(entry.last)) entry.last = event.recordedAt;
    }
  }
  await addCounts(manager, counts);
}

/**
 * `event_type_counts_v1`: how many events of each type the registry recorded per UTC day, for
 * operators (activity at a glance, and a cross-check that the projector sees what was written).
 * Keyed by `recordedAt` (when we learned the fact), not `effectiveAt`. A page is counted in memory
 * and added in one statement: the sums are the same as adding one event at a time.
 */
export const eventTypeCountsProjection: PostgresProjection = {
  name: 'event_type_counts_v1',
  eventTypes: [ANY_EVENT_TYPE],
  apply: (event: RecordedEvent, manager: EntityManager): Promise<void> => countPage([event], manager),
  applyPage: (events: readonly RecordedEvent[], manager: EntityManager): Promise<void> => countPage(events, manager),
};
