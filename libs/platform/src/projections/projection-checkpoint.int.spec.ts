import { InMemoryEventStore, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import type { DataSource } from 'typeorm';
import { advanceCheckpoint, readCheckpoint, registerCheckpoint } from './projection-checkpoint';
import { CheckpointConflictError, LeaseLostError } from './projection-errors';
import { dataVersionSql } from './read-model-version';
import { checkpointOf, dropProjection, openTestDatabase, uniqueProjectionName } from './testing/projection-test-kit';

describe('projection checkpoints (compare-and-set)', () => {
  let dataSource: DataSource;
  let name: string;
  let events: readonly RecordedEvent[];

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    const store = new InMemoryEventStore();
    events = (await store.appendToStream(uniqueStream('item'), [newEvent('A'), newEvent('B')])).events;
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    name = uniqueProjectionName('cas');
  });
  afterEach(() => dropProjection(dataSource, name));

  it('registers at the start, then advances from the position it was read at', async () => {
    await registerCheckpoint(dataSource, name);
    expect(await readCheckpoint(dataSource, name)).toBeNull();
    const [first, second] = events as [RecordedEvent, RecordedEvent];
    await advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 1 });
    await advanceCheckpoint(dataSource, { name, from: first.position, last: second, processed: 1, applied: 0 });
    expect(await checkpointOf(dataSource, name)).toEqual({ position: second.position, events_processed: '2', events_applied: '1' });
  });

  it('moves the data version only with a batch that applied events (ADR 0024)', async () => {
    const version = async (): Promise<string> =>
      ((await dataSource.query<Array<{ v: string }>>(`SELECT ${dataVersionSql('$1')} AS v`, [name]))[0]?.v ?? 'none');
    await registerCheckpoint(dataSource, name);
    const created = await version();
    const [first, second] = events as [RecordedEvent, RecordedEvent];
    await advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 0 });
    expect(await version()).toBe(created);
    await advanceCheckpoint(dataSource, { name, from: first.position, last: second, processed: 1, applied: 1 });
    const applied = await version();
    expect(applied).not.toBe(created);
    expect(applied).toMatch(/#1$/);
    // Made again after a delete (a test kit's reset): a version never seen before, though nothing was applied yet.
    await dropProjection(dataSource, name);
    await registerCheckpoint(dataSource, name);
    expect([created, applied]).not.toContain(await version());
  });

  it('refuses to advance a checkpoint that moved since it was read (a second writer)', async () => {
    const [first, second] = events as [RecordedEvent, RecordedEvent];
    await advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 1 });
    await expect(advanceCheckpoint(dataSource, { name, from: null, last: second, processed: 1, applied: 1 })).rejects.toBeInstanceOf(
      CheckpointConflictError,
    );
    expect((await checkpointOf(dataSource, name))?.position).toBe(first.position);
  });

  describe('fenced on the lease, in the same statement', () => {
    const lease = (owner: string): Promise<unknown> =>
      dataSource.query(`INSERT INTO projection_leases (name, owner, expires_at) VALUES ($1, $2, now() + interval '1 minute')`, [name, owner]);
    afterEach(() => dataSource.query('DELETE FROM projection_leases WHERE name = $1', [name]));

    it('moves the checkpoint of the runner that holds the lease', async () => {
      const [first] = events as [RecordedEvent];
      await lease('holder');
      await advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 1 }, { owner: 'holder' });
      expect((await checkpointOf(dataSource, name))?.position).toBe(first.position);
    });

    it('moves nothing for a runner whose lease another owner took, and says so', async () => {
      const [first] = events as [RecordedEvent];
      await registerCheckpoint(dataSource, name);
      await lease('intruder');
      await expect(advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 1 }, { owner: 'stale' })).rejects.toBeInstanceOf(LeaseLostError);
      expect((await checkpointOf(dataSource, name))?.position).toBeNull();
    });

    it('still refuses a checkpoint that moved, for the lease holder', async () => {
      const [first, second] = events as [RecordedEvent, RecordedEvent];
      await lease('holder');
      await advanceCheckpoint(dataSource, { name, from: null, last: first, processed: 1, applied: 1 }, { owner: 'holder' });
      await expect(advanceCheckpoint(dataSource, { name, from: null, last: second, processed: 1, applied: 1 }, { owner: 'holder' })).rejects.toBeInstanceOf(
        CheckpointConflictError,
      );
    });
  });
});
