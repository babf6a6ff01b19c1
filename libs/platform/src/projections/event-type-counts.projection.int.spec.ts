import { InMemoryEventStore, type Clock } from '@cdtt/event-sourcing';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { eventTypeCountsProjection } from './event-type-counts.projection';
import { eventTypeFilter } from './postgres-projection';
import { openTestDatabase } from './testing/projection-test-kit';
import { queryRows } from './sql-executor';

describe('event_type_counts_v1', () => {
  let dataSource: DataSource;
  // A type no other test writes, so the shared table needs no other cleanup.
  const type = `Counted${Date.now()}${Math.floor(Math.random() * 1e6)}`;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM event_type_counts_v1 WHERE event_type = $1', [type]);
    await dataSource.destroy();
  });

  it('receives every event type', () => {
    const accepts = eventTypeFilter(eventTypeCountsProjection);
    expect(accepts('AnythingAtAll')).toBe(true);
  });

  it('counts events per type per UTC day of recordedAt', async () => {
    let now = new Date('2025-07-01T23:59:00.000Z');
    const clock: Clock = { now: () => now };
    const store = new InMemoryEventStore(clock);
    const late = (await store.appendToStream(uniqueStream('c'), newEvents(2, type))).events;
    now = new Date('2025-07-02T00:01:00.000Z');
    const early = (await store.appendToStream(uniqueStream('c'), newEvents(1, type))).events;
    await dataSource.transaction(async (manager) => {
      for (const event of [...late, ...early]) await eventTypeCountsProjection.apply(event, manager);
    });
    const rows = await queryRows<{ day: string; event_count: string }>(
      dataSource,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, event_count FROM event_type_counts_v1 WHERE event_type = $1 ORDER BY day`,
      [type],
    );
    expect(rows).toEqual([
      { day: '2025-07-01', event_count: '2' },
      { day: '2025-07-02', event_count: '1' },
    ]);
  });

  it('adds a whole page as event-by-event application would, onto existing counts', async () => {
    const paged = `${type}Paged`;
    let now = new Date('2025-07-03T10:00:00.000Z');
    const store = new InMemoryEventStore({ now: () => now });
    const first = (await store.appendToStream(uniqueStream('c'), newEvents(1, paged))).events;
    now = new Date('2025-07-03T12:00:00.000Z');
    const page = [...(await store.appendToStream(uniqueStream('c'), newEvents(3, paged))).events, ...(await store.appendToStream(uniqueStream('c'), newEvents(2, type))).events];
    now = new Date('2025-07-04T00:00:01.000Z');
    page.push(...(await store.appendToStream(uniqueStream('c'), newEvents(1, paged))).events);
    await dataSource.transaction(async (manager) => {
      await eventTypeCountsProjection.apply(first[0]!, manager);
      await eventTypeCountsProjection.applyPage!(page, manager);
    });
    const rows = await queryRows<{ event_type: string; day: string; event_count: string; last: string }>(
      dataSource,
      `SELECT event_type, to_char(day, 'YYYY-MM-DD') AS day, event_count, to_char(last_recorded_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS last
       FROM event_type_counts_v1 WHERE event_type = ANY($1) AND day >= '2025-07-03' ORDER BY event_type, day`,
      [[type, paged]],
    );
    expect(rows).toEqual([
      { event_type: type, day: '2025-07-03', event_count: '2', last: '12:00:00' },
      { event_type: paged, day: '2025-07-03', event_count: '4', last: '12:00:00' },
      { event_type: paged, day: '2025-07-04', event_count: '1', last: '00:00:01' },
    ]);
    await dataSource.query('DELETE FROM event_type_counts_v1 WHERE event_type = $1', [paged]);
  });
});
