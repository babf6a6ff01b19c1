import { InMemoryEventStore } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from './projection-runner';
import {
  checkpointOf,
  createItemsTable,
  dropProjection,
  embedded,
  fastRunner,
  itemsProjection,
  leaseOwnerOf,
  openTestDatabase,
  rowCount,
  uniqueProjectionName,
  until,
  type ItemsProjection,
} from './testing/projection-test-kit';

const serverOnly = embedded ? it.skip : it;

describe('ProjectionRunner (real PostgreSQL read models, in-memory event source)', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let name: string;
  const runners: ProjectionRunner[] = [];

  const runner = (projection: ItemsProjection, owner: string, tuning: Partial<typeof fastRunner> = {}): ProjectionRunner => {
    const created = new ProjectionRunner({ ...fastRunner, ...tuning, dataSource, store, projection, owner });
    runners.push(created);
    return created;
  };
  const add = async (count: number, extra: Record<string, unknown> = {}): Promise<string> => {
    const events = Array.from({ length: count }, (_, index) => newEvent('ItemAdded', { index, ...extra }));
    const result = await store.appendToStream(uniqueStream('item'), events);
    return result.position;
  };
  const checkpoint = async (): Promise<string | null | undefined> => (await checkpointOf(dataSource, name))?.position;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });
  beforeEach(async () => {
    store = new InMemoryEventStore();
    name = uniqueProjectionName('items');
    await createItemsTable(dataSource, name);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
    await dropProjection(dataSource, name);
  });

  it('refuses an unversioned projection name', () => {
    expect(() => runner(itemsProjection('items'), 'a')).toThrow(/must be snake_case and end with a version/);
  });

  it('applies events, skips other types, and advances the checkpoint with the rows', async () => {
    const projection = itemsProjection(name);
    await add(3);
    const head = (await store.appendToStream(uniqueStream('other'), [newEvent('SomethingElse')])).position;
    // A long poll interval: only the store subscription can bring later events in quickly.
    const r = runner(projection, 'a', { batchSize: 2, pollIntervalMs: 10_000 });
    await r.start();
    await until(async () => (await checkpoint()) === head);
    expect(await rowCount(dataSource, name)).toBe(3);
    expect(await checkpointOf(dataSource, name)).toEqual({ position: head, events_processed: '4', events_applied: '3' });
    expect(projection.calls.map((event) => event.type)).toEqual(['ItemAdded', 'ItemAdded', 'ItemAdded']);
    expect(r.state).toBe('active');

    const next = await add(1);
    await until(async () => (await checkpoint()) === next, 1_000);
    expect(await rowCount(dataSource, name)).toBe(4);
  });

  it('rolls back rows and checkpoint together when a handler throws, retries, then applies exactly once', async () => {
    const projection = itemsProjection(name);
    const r = runner(projection, 'a');
    await r.start();
    const before = await add(3);
    await until(async () => (await checkpoint()) === before);
    const checkpointBefore = await checkpointOf(dataSource, name);

    projection.failWhen = (event) => (event.data as { poison?: boolean }).poison === true;
    const stream = uniqueStream('item');
    const head = (
      await store.appendToStream(stream, [
        newEvent('ItemAdded', { n: 1 }),
        newEvent('ItemAdded', { n: 2 }),
        newEvent('ItemAdded', { poison: true }),
        newEvent('ItemAdded', { n: 4 }),
      ])
    ).position;
    await until(() => r.failures >= 3);
    expect(r.state).toBe('failing');
    // The two events before the poison one were applied inside the batch, and rolled back with it.
    expect(await rowCount(dataSource, name)).toBe(3);
    expect(await checkpointOf(dataSource, name)).toEqual(checkpointBefore);

    projection.failWhen = null;
    await until(async () => (await checkpoint()) === head);
    expect(await rowCount(dataSource, name)).toBe(7);
    expect(r.failures).toBe(0);
    expect((await checkpointOf(dataSource, name))?.events_processed).toBe('7');
  });

  it('resumes after a restart from its checkpoint, applying only new events', async () => {
    const first = itemsProjection(name);
    const r1 = runner(first, 'first');
    await r1.start();
    const before = await add(3);
    await until(async () => (await checkpoint()) === before);
    await r1.stop();

    const head = await add(2);
    const second = itemsProjection(name);
    await runner(second, 'second').start();
    await until(async () => (await checkpoint()) === head);
    expect(second.calls).toHaveLength(2);
    expect(await rowCount(dataSource, name)).toBe(5);
  });

  it('lets one of two runners apply; the other takes over when the first stops', async () => {
    const a = itemsProjection(name);
    const b = itemsProjection(name);
    const ra = runner(a, 'a');
    const rb = runner(b, 'b');
    await Promise.all([ra.start(), rb.start()]);
    const first = await add(20);
    await until(async () => (await checkpoint()) === first);
    const [active, standby, activeCalls, standbyCalls] = ra.state === 'active' ? [ra, rb, a, b] : [rb, ra, b, a];
    expect(active.state).toBe('active');
    expect(standby.state).toBe('standby');
    expect(activeCalls.calls).toHaveLength(20);
    expect(standbyCalls.calls).toHaveLength(0);

    await active.stop();
    const second = await add(5);
    await until(async () => (await checkpoint()) === second);
    expect(standby.state).toBe('active');
    expect(standbyCalls.calls).toHaveLength(5);
    expect(await rowCount(dataSource, name)).toBe(25);
  });

  it('takes over a lease whose owner died, once it expires', async () => {
    await dataSource.query(
      `INSERT INTO projection_leases (name, owner, expires_at) VALUES ($1, 'crashed', now() + interval '400 milliseconds')`,
      [name],
    );
    const head = await add(2);
    const projection = itemsProjection(name);
    const r = runner(projection, 'survivor');
    await r.start();
    await until(() => r.state === 'standby');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(projection.calls).toHaveLength(0);
    await until(async () => (await checkpoint()) === head);
    expect(await leaseOwnerOf(dataSource, name)).toBe('survivor');
  });

  it('fences a stale runner: a runner whose lease was taken cannot commit', async () => {
    const projection = itemsProjection(name);
    // A long TTL and no renewal during the test: the runner keeps believing it holds the lease,
    // like a process that was paused while another took over.
    const r = runner(projection, 'stale', { leaseTtlMs: 60_000, leaseRenewMs: 30_000 });
    await r.start();
    const before = await add(2);
    await until(async () => (await checkpoint()) === before);
    const checkpointBefore = await checkpointOf(dataSource, name);

    await dataSource.query(
      `UPDATE projection_leases SET owner = 'intruder', expires_at = now() + interval '1 hour' WHERE name = $1`,
      [name],
    );
    await add(2);
    await until(() => projection.calls.length === 4 && r.state === 'standby');
    expect(await rowCount(dataSource, name)).toBe(2);
    expect(await checkpointOf(dataSource, name)).toEqual(checkpointBefore);
    await r.stop();
    // Stopping releases only our own lease, never the new owner's.
    expect(await leaseOwnerOf(dataSource, name)).toBe('intruder');
  });

  // Needs a second connection while the batch transaction is open: PGlite serialises them.
  serverOnly('fences a takeover that happens while a batch is in flight', async () => {
    const projection = itemsProjection(name);
    const r = runner(projection, 'slow', { leaseTtlMs: 60_000, leaseRenewMs: 30_000 });
    await r.start();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    projection.beforeApply = () => gate;
    await add(3);
    await until(() => projection.calls.length === 1);
    await dataSource.query(`UPDATE projection_leases SET owner = 'intruder', expires_at = now() + interval '1 hour' WHERE name = $1`, [name]);
    release();
    await until(() => r.state === 'standby');
    expect(projection.calls).toHaveLength(3);
    expect(await rowCount(dataSource, name)).toBe(0);
    expect(await checkpoint()).toBeNull();
  });
});
