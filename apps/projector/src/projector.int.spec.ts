import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent, newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import { PostgresEventStore } from '@cdtt/event-store-postgres';
import { createDataSource, poolOf, ProjectionHost, ProjectionStatusService, runMigrations, type PostgresProjection } from '@cdtt/platform';
import type { DataSource, EntityManager } from 'typeorm';

const embedded = process.env.EMBEDDED_POSTGRES === '1';

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The same machinery as the projector process, over the PostgreSQL event store this time. */
describe('projector over the PostgreSQL event store', () => {
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const name = `t${randomBytes(4).toString('hex')}_pg_items_v1`;
  const projection: PostgresProjection = {
    name,
    eventTypes: ['ItemAdded'],
    async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
      await manager.query(`INSERT INTO ${name} (event_id) VALUES ($1)`, [event.id]);
    },
  };
  const rows = async (): Promise<number> => {
    const [row] = await dataSource.query<{ count: string }[]>(`SELECT count(*) AS count FROM ${name}`);
    return Number(row?.count);
  };

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is set by the jest global setup');
    dataSource = createDataSource({ url, poolSize: embedded ? 1 : 4, applicationName: 'projector-tests' });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.query(`CREATE TABLE ${name} (event_id uuid PRIMARY KEY)`);
    store = new PostgresEventStore(poolOf(dataSource), { notifications: embedded ? 'poll' : 'listen', pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await store.close();
    await dataSource.query(`DROP TABLE ${name}`);
    await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
    await dataSource.query('DELETE FROM projection_leases WHERE name = $1', [name]);
    await dataSource.destroy();
  });

  it('projects what is appended, reports no lag once caught up, and releases its lease on stop', async () => {
    const host = new ProjectionHost({
      dataSource,
      store,
      projections: [projection],
      owner: 'projector-test',
      tuning: { batchSize: 10, pollIntervalMs: 200, leaseTtlMs: 2_000, leaseRenewMs: 200 },
    });
    await host.start();
    try {
      await store.appendToStream(uniqueStream('item'), newEvents(25, 'ItemAdded'));
      await store.appendToStream(uniqueStream('other'), [newEvent('SomethingElse')]);
      await until(async () => (await rows()) === 25);
      const status = new ProjectionStatusService(dataSource, store);
      await until(async () => (await status.get(name))?.lagEvents === 0);
      expect(await status.get(name)).toMatchObject({ lagSeconds: 0, eventsApplied: 25, lease: { owner: 'projector-test', active: true } });
    } finally {
      await host.stop();
    }
    const [lease] = await dataSource.query<{ expired: boolean }[]>(
      'SELECT expires_at < now() AS expired FROM projection_leases WHERE name = $1',
      [name],
    );
    expect(lease?.expired).toBe(true);
  });
});
