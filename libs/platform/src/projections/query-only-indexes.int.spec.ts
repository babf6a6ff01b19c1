import { InMemoryEventStore, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from './projection-runner';
import { buildDeferredIndexes, deferQueryOnlyIndexes, deferredIndexesOf, settleRetiredDeferrals } from './query-only-indexes';
import { registerCheckpoint } from './projection-checkpoint';
import { ProjectionStatusService } from './projection-status.service';
import { queryRows, type SqlExecutor } from './sql-executor';
import { checkpointOf, createItemsTable, dropProjection, embedded, fastRunner, itemsProjection, openTestDatabase, rowCount, uniqueProjectionName, until, type ItemsProjection } from './testing/projection-test-kit';

const serverOnly = embedded ? it.skip : it;

describe('query-only indexes built at the head (ADR 0025)', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let name: string;
  const runners: ProjectionRunner[] = [];

  /** The items table's indexes as PostgreSQL prints them, by name. */
  const indexes = async (on: SqlExecutor = dataSource): Promise<Record<string, string>> => {
    const rows = await queryRows<{ name: string; definition: string }>(
      on,
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
      [name],
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
  };
  const withQueryIndexes = (projection: ItemsProjection): ItemsProjection =>
    Object.assign(projection, { queryOnlyIndexes: [`${name}_by_position`, `${name}_pkey`, `${name}_missing`] });
  const add = async (count: number): Promise<string> =>
    (await store.appendToStream(uniqueStream('item'), Array.from({ length: count }, (_, index) => newEvent('ItemAdded', { index })))).position;

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
    await dataSource.query(`CREATE INDEX ${name}_by_position ON ${name} (position DESC)`);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
    await dataSource.query('DELETE FROM projection_deferred_indexes WHERE projection = $1', [name]);
    await dropProjection(dataSource, name);
  });

  it('drops only existing non-unique indexes with their definitions, and builds the same ones again', async () => {
    const before = await indexes();
    const deferred = await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`, `${name}_pkey`, `${name}_missing`]);

    expect(deferred.map((index) => index.name)).toEqual([`${name}_by_position`]);
    expect(Object.keys(await indexes())).toEqual([`${name}_pkey`]);
    expect(await deferredIndexesOf(dataSource, name)).toEqual([{ name: `${name}_by_position`, definition: before[`${name}_by_position`] }]);
    // A second drop (a restarted catch-up) finds nothing to do and keeps the recorded definition.
    expect(await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`])).toEqual([]);

    // Admin tools see it in the projection's status until the index is back.
    await registerCheckpoint(dataSource, name);
    const status = new ProjectionStatusService(dataSource, store);
    expect((await status.get(name))?.deferredIndexes).toEqual([`${name}_by_position`]);

    const built: string[] = [];
    expect(await buildDeferredIndexes(dataSource, name, (index) => built.push(index.name))).toBe(1);
    expect(built).toEqual([`${name}_by_position`]);
    expect(await indexes()).toEqual(before);
    expect(await deferredIndexesOf(dataSource, name)).toEqual([]);
    expect((await status.get(name))?.deferredIndexes).toEqual([]);
  });

  // Two connections at once: not on the embedded database's one.
  serverOnly('keeps the indexes and records nothing when a reader holds the table past the lock timeout', async () => {
    const before = await indexes();
    const reader = dataSource.createQueryRunner();
    await reader.connect();
    await reader.startTransaction();
    try {
      await reader.query(`LOCK TABLE ${name} IN ACCESS SHARE MODE`);
      expect(await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`])).toEqual([]);
    } finally {
      await reader.rollbackTransaction();
      await reader.release();
    }
    expect(await indexes()).toEqual(before);
    expect(await deferredIndexesOf(dataSource, name)).toEqual([]);
  });

  it('builds a recorded index that a migration made again meanwhile without failing', async () => {
    await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`]);
    await dataSource.query(`CREATE INDEX ${name}_by_position ON ${name} (position DESC)`);

    expect(await buildDeferredIndexes(dataSource, name)).toBe(1);
    expect(Object.keys(await indexes()).sort()).toEqual([`${name}_by_position`, `${name}_pkey`]);
    expect(await deferredIndexesOf(dataSource, name)).toEqual([]);
  });

  it('drops the indexes deep in a catch-up from zero and builds them when the runner reaches the head', async () => {
    const before = await indexes();
    const projection = withQueryIndexes(itemsProjection(name));
    const present: boolean[] = [];
    projection.beforeApply = async (_event: RecordedEvent, manager) => {
      present.push(`${name}_by_position` in (await indexes(manager)));
    };
    const head = await add(60);
    const messages: string[] = [];
    const logger = { log: (m: string) => messages.push(m), warn: (m: string) => messages.push(m), error: (m: string) => messages.push(m) };
    const runner = new ProjectionRunner({ ...fastRunner, batchSize: 10, deferIndexesAfter: 25, dataSource, store, projection, owner: 'a', logger });
    runners.push(runner);
    await runner.start();
    await until(async () => (await checkpointOf(dataSource, name))?.position === head && (await deferredIndexesOf(dataSource, name)).length === 0);

    expect(await rowCount(dataSource, name)).toBe(60);
    // Pages 1-3 (30 events read, past the 25 asked) were written with the index, pages 4-6 without.
    expect(present.slice(0, 30).every(Boolean)).toBe(true);
    expect(present.slice(30).some(Boolean)).toBe(false);
    expect(present).toHaveLength(60);
    expect(await indexes()).toEqual(before);
    expect(messages.some((m) => m.includes('query-only indexes dropped until the head'))).toBe(true);
    expect(messages.some((m) => m.includes(`built index ${name}_by_position at the head`))).toBe(true);
  });

  it('keeps the indexes of a runner that resumes from a checkpoint, and builds what a crashed catch-up left dropped', async () => {
    const projection = withQueryIndexes(itemsProjection(name));
    const present: boolean[] = [];
    projection.beforeApply = async (_event, manager) => {
      present.push(`${name}_by_position` in (await indexes(manager)));
    };
    // A first runner catches up the first events (the checkpoint is no longer at the start).
    await add(5);
    const first = new ProjectionRunner({ ...fastRunner, batchSize: 10, deferIndexesAfter: 1, dataSource, store, projection, owner: 'a' });
    await first.start();
    await until(async () => Number((await checkpointOf(dataSource, name))?.events_applied ?? 0) === 5);
    await first.stop();
    // Then the process dies deep in a catch-up, its indexes dropped: the next runner starts from a
    // checkpoint, so it never drops anything itself, and builds the recorded index at the head.
    await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`]);
    const head = await add(40);
    const second = new ProjectionRunner({ ...fastRunner, batchSize: 10, deferIndexesAfter: 1, dataSource, store, projection, owner: 'b' });
    runners.push(second);
    await second.start();
    await until(async () => (await checkpointOf(dataSource, name))?.position === head && (await deferredIndexesOf(dataSource, name)).length === 0);

    expect(await rowCount(dataSource, name)).toBe(45);
    expect(`${name}_by_position` in (await indexes())).toBe(true);
    // The first runner's pages (from zero, but at the head at once) kept it.
    expect(present.slice(0, 5).every(Boolean)).toBe(true);
  });

  it('builds what a removed projection deferred, forgets it when its table went too, and leaves known or running projections alone', async () => {
    const before = await indexes();
    await deferQueryOnlyIndexes(dataSource, name, [`${name}_by_position`]);
    const gone = uniqueProjectionName('gone');
    await createItemsTable(dataSource, gone);
    await dataSource.query(`CREATE INDEX ${gone}_by_position ON ${gone} (position)`);
    await deferQueryOnlyIndexes(dataSource, gone, [`${gone}_by_position`]);
    await dropProjection(dataSource, gone); // removed with its table
    // An older build still runs `name` (a rolling deployment): its lease is held.
    await dataSource.query(`INSERT INTO projection_leases (name, owner, expires_at) VALUES ($1, 'older-build', now() + interval '1 minute')`, [name]);

    // Both known: nothing of theirs is touched.
    expect(await settleRetiredDeferrals(dataSource, () => true)).toEqual({ built: 0, forgotten: 0 });
    const logged: string[] = [];
    // Other suites' projections, deferring beside this one, stay known.
    const retired = (projection: string): boolean => projection !== name && projection !== gone;
    expect(await settleRetiredDeferrals(dataSource, retired, (message) => logged.push(message))).toEqual({ built: 0, forgotten: 1 });
    expect(Object.keys(await indexes())).toEqual([`${name}_pkey`]);
    expect(await deferredIndexesOf(dataSource, gone)).toEqual([]);

    // The older build stopped: its lease ended, and nobody will build what it deferred but this.
    await dataSource.query(`UPDATE projection_leases SET expires_at = now() - interval '1 second' WHERE name = $1`, [name]);
    expect(await settleRetiredDeferrals(dataSource, retired, (message) => logged.push(message))).toEqual({ built: 1, forgotten: 0 });
    expect(await indexes()).toEqual(before);
    expect(await deferredIndexesOf(dataSource, name)).toEqual([]);
    expect(logged).toEqual([
      `forgot ${gone}_by_position, deferred by ${gone}: its table is gone`,
      `built ${name}_by_position, deferred by ${name}, which this deployment no longer runs`,
    ]);
  });
});
