import { InMemoryEventStore, type Clock } from '@cdtt/event-sourcing';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from './projection-runner';
import { ProjectionStatusService } from './projection-status.service';
import {
  checkpointOf,
  createItemsTable,
  dropProjection,
  fastRunner,
  itemsProjection,
  openTestDatabase,
  uniqueProjectionName,
  until,
} from './testing/projection-test-kit';

/** A clock the test moves by hand: events get known recordedAt values, status a known "now". */
function manualClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso)) };
}

describe('ProjectionStatusService', () => {
  let dataSource: DataSource;
  let name: string;
  let runner: ProjectionRunner | null = null;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(async () => {
    name = uniqueProjectionName('status');
    await createItemsTable(dataSource, name);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = null;
    await dropProjection(dataSource, name);
  });

  it('reports lag in events and seconds before and after catch-up, with the lease', async () => {
    const clock = manualClock('2025-07-01T00:00:00.000Z');
    const store = new InMemoryEventStore(clock);
    await store.appendToStream(uniqueStream('item'), newEvents(3, 'ItemAdded'));
    clock.set('2025-07-01T00:00:30.000Z');
    await store.appendToStream(uniqueStream('other'), newEvents(2, 'SomethingElse'));
    clock.set('2025-07-01T00:01:40.000Z');
    const status = new ProjectionStatusService(dataSource, store, { clock });

    runner = new ProjectionRunner({ ...fastRunner, dataSource, store, projection: itemsProjection(name), owner: 'runner-1', batchSize: 3 });
    // Registered but not yet run: everything is lag, measured from the oldest event.
    await dataSource.query('INSERT INTO projection_checkpoints (name) VALUES ($1)', [name]);
    expect(await status.get(name)).toMatchObject({ name, position: null, lease: null, lagEvents: 5, lagEventsCapped: false, lagSeconds: 100 });

    await runner.start();
    const head = await store.headPosition();
    await until(async () => (await checkpointOf(dataSource, name))?.position === head);
    const caughtUp = await status.get(name);
    expect(caughtUp).toMatchObject({ position: head, eventsProcessed: 5, eventsApplied: 3, lagEvents: 0, lagSeconds: 0 });
    expect(caughtUp?.lease).toMatchObject({ owner: 'runner-1', active: true });
    expect(caughtUp?.lastEventRecordedAt?.toISOString()).toBe('2025-07-01T00:00:30.000Z');

    await runner.stop();
    runner = null;
    clock.set('2025-07-01T00:02:00.000Z');
    await store.appendToStream(uniqueStream('item'), newEvents(4, 'ItemAdded'));
    clock.set('2025-07-01T00:02:05.000Z');
    const behind = await status.get(name);
    expect(behind).toMatchObject({ lagEvents: 4, lagSeconds: 5 });
    // A stopped runner released its lease: the row shows the last owner, no longer active.
    expect(behind?.lease).toMatchObject({ owner: 'runner-1', active: false });
  });

  it('caps the lag count and says so', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream(uniqueStream('item'), newEvents(5, 'ItemAdded'));
    await dataSource.query('INSERT INTO projection_checkpoints (name) VALUES ($1)', [name]);
    const exact = new ProjectionStatusService(dataSource, store, { lagCap: 5, pageSize: 2 });
    expect(await exact.get(name)).toMatchObject({ lagEvents: 5, lagEventsCapped: false });
    const capped = new ProjectionStatusService(dataSource, store, { lagCap: 3, pageSize: 2 });
    expect(await capped.get(name)).toMatchObject({ lagEvents: 3, lagEventsCapped: true });
  });

  it('lists only the requested projections, and null for an unknown one', async () => {
    const store = new InMemoryEventStore();
    await dataSource.query('INSERT INTO projection_checkpoints (name) VALUES ($1)', [name]);
    const status = new ProjectionStatusService(dataSource, store);
    expect((await status.list([name, 'nope_v1'])).map((s) => s.name)).toEqual([name]);
    expect(await status.get('nope_v1')).toBeNull();
    expect((await status.list()).map((s) => s.name)).toContain(name);
  });
});
