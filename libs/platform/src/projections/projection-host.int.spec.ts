import { InMemoryEventStore } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { ANY_EVENT_TYPE } from './postgres-projection';
import { ProjectionHost } from './projection-host';
import { queryRows } from './sql-executor';
import { checkpointOf, createItemsTable, dropProjection, fastRunner, itemsProjection, openTestDatabase, uniqueProjectionName, until, type ItemsProjection } from './testing/projection-test-kit';

describe('ProjectionHost (runners of one process sharing one reader of the log)', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let host: ProjectionHost | null = null;
  const names: string[] = [];

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    store = new InMemoryEventStore();
  });
  afterEach(async () => {
    await host?.stop();
    host = null;
    await store.close();
    await Promise.all(names.splice(0).map((name) => dropProjection(dataSource, name)));
  });

  /** An items read model (one row per event it reads) of the given types. */
  const projectionOf = async (label: string, eventTypes: readonly string[]): Promise<ItemsProjection> => {
    const name = uniqueProjectionName(label);
    names.push(name);
    await createItemsTable(dataSource, name);
    const projection = itemsProjection(name);
    return Object.assign(projection, { eventTypes });
  };
  /** Events of three types in streams of five, in log order; returns each event's type and position. */
  const append = async (count: number): Promise<Array<{ type: string; position: string }>> => {
    const types = ['ItemAdded', 'ItemAdded', 'Rare', 'ItemAdded', 'Other'];
    const appended: Array<{ type: string; position: string }> = [];
    for (let i = 0; i < count; i += 5) {
      const result = await store.appendToStream(uniqueStream('item'), types.map((type) => newEvent(type)));
      appended.push(...result.events.map((event) => ({ type: event.type, position: event.position })));
    }
    return appended;
  };
  const positionsOf = async (name: string): Promise<string[]> =>
    (await queryRows<{ position: string }>(dataSource, `SELECT position FROM ${name} ORDER BY position`)).map((row) => row.position);

  it('brings projections of different types to the head through a small window, a failing one included', async () => {
    const log = await append(500);
    const items = await projectionOf('items', ['ItemAdded']);
    const rare = await projectionOf('rare', ['Rare']);
    const all = await projectionOf('all', [ANY_EVENT_TYPE]);
    // The read model of every event fails three times on one event in the middle, then recovers.
    let failures = 0;
    const poison = log[250]?.position;
    all.failWhen = (event) => event.position === poison && (failures += 1) <= 3;
    host = new ProjectionHost({
      dataSource,
      store,
      projections: [items, rare, all],
      owner: 'host-test',
      tuning: { ...fastRunner, batchSize: 30 },
      sharedLog: { readSize: 50, capacity: 200, idleMs: 500 },
    });
    await host.start();
    const head = log.at(-1)?.position;
    await until(async () => (await Promise.all(names.map((name) => checkpointOf(dataSource, name)))).every((row) => row?.position === head), 20_000);

    const expected = (types: readonly string[]): string[] => log.filter((e) => types.includes(ANY_EVENT_TYPE) || types.includes(e.type)).map((e) => e.position);
    expect(await positionsOf(items.name)).toEqual(expected(['ItemAdded']));
    expect(await positionsOf(rare.name)).toEqual(expected(['Rare']));
    expect(await positionsOf(all.name)).toEqual(expected([ANY_EVENT_TYPE]));
    expect(failures).toBe(4);

    // Live: appends after catch-up reach every projection through the shared reader.
    const more = await append(10);
    const newHead = more.at(-1)?.position;
    await until(async () => (await Promise.all(names.map((name) => checkpointOf(dataSource, name)))).every((row) => row?.position === newHead));
    expect(await positionsOf(rare.name)).toEqual(expected(['Rare']).concat(more.filter((e) => e.type === 'Rare').map((e) => e.position)));
    expect((await checkpointOf(dataSource, items.name))?.events_processed).toBe('510');
  }, 30_000);
});
