import { InMemoryEventStore, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CheckpointMoves } from './checkpoint-moves';
import { advanceCheckpoint, CHECKPOINT_CHANNEL, checkpointMoveOf, registerCheckpoint } from './projection-checkpoint';
import { CheckpointConflictError } from './projection-errors';
import type { SqlExecutor } from './sql-executor';
import { checkpointOf, dropProjection, embedded, openTestDatabase, uniqueProjectionName, until } from './testing/projection-test-kit';

const serverOnly = embedded ? it.skip : it;

describe('CheckpointMoves (empty pages of several runners moved in one statement)', () => {
  let dataSource: DataSource;
  let events: readonly RecordedEvent[];
  let names: string[];
  let statements: number;
  let counted: SqlExecutor;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    const store = new InMemoryEventStore();
    events = (await store.appendToStream(uniqueStream('item'), [newEvent('A'), newEvent('B'), newEvent('C')])).events;
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    names = ['one', 'two', 'three'].map((label) => uniqueProjectionName(`moves_${label}`));
    statements = 0;
    counted = { query: (sql, parameters) => ((statements += 1), dataSource.query(sql, parameters)) };
  });
  afterEach(() => Promise.all(names.map((name) => dropProjection(dataSource, name))));

  const first = (): RecordedEvent => events[0] as RecordedEvent;
  const third = (): RecordedEvent => events[2] as RecordedEvent;

  it('moves the checkpoints of runners woken together in one statement, each by compare-and-set', async () => {
    for (const name of names) await registerCheckpoint(dataSource, name);
    const moves = new CheckpointMoves(counted);
    await Promise.all(names.map((name) => moves.advance({ name, from: null, last: third(), processed: 3, applied: 0 })));
    expect(statements).toBe(1);
    for (const name of names) expect(await checkpointOf(dataSource, name)).toEqual({ position: third().position, events_processed: '3', events_applied: '0' });
  });

  it('reports a checkpoint that moved since its page was read, and still moves the others', async () => {
    for (const name of names) await registerCheckpoint(dataSource, name);
    const [conflicted, ...others] = names as [string, string, string];
    await advanceCheckpoint(dataSource, { name: conflicted, from: null, last: first(), processed: 1, applied: 1 });
    const moves = new CheckpointMoves(counted);
    const results = await Promise.allSettled(names.map((name) => moves.advance({ name, from: null, last: third(), processed: 3, applied: 0 })));
    const [refused] = results;
    expect(refused?.status === 'rejected' && refused.reason instanceof CheckpointConflictError).toBe(true);
    expect(results.slice(1).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await checkpointOf(dataSource, conflicted))?.position).toBe(first().position);
    for (const name of others) expect((await checkpointOf(dataSource, name))?.position).toBe(third().position);
  });

  it('creates a checkpoint row that is missing, as a move of one runner does', async () => {
    const [registered, missing] = names as [string, string, string];
    await registerCheckpoint(dataSource, registered);
    const moves = new CheckpointMoves(counted);
    await Promise.all([registered, missing].map((name) => moves.advance({ name, from: null, last: third(), processed: 3, applied: 0 })));
    expect((await checkpointOf(dataSource, missing))?.position).toBe(third().position);
    expect((await checkpointOf(dataSource, registered))?.position).toBe(third().position);
  });

  serverOnly('announces each move at commit, for read-your-writes waiters', async () => {
    for (const name of names) await registerCheckpoint(dataSource, name);
    const listener = new Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query(`LISTEN ${CHECKPOINT_CHANNEL}`);
    try {
      const moves = new CheckpointMoves(counted);
      await Promise.all(names.map((name) => moves.advance({ name, from: null, last: third(), processed: 3, applied: 0 })));
      const ours = (): string[] => heard.filter((payload) => names.includes(checkpointMoveOf(payload).name));
      await until(() => ours().length === names.length);
      // Each says where its projection got, so a waiter need not query to know.
      expect(ours().sort()).toEqual(names.map((name) => `${name} ${third().position}`).sort());
    } finally {
      await listener.end();
    }
  });
});
