import { EventIdConflictError, InvalidAppendError, verifyChain, WrongExpectedVersionError } from '@cdtt/event-sourcing';
import { eventually, newEvent, newEvents, sleep, uniqueStream } from '@cdtt/event-sourcing/testing';
import { PostgresEventStore } from '@cdtt/event-store-postgres';
import type { Pool } from 'pg';
import { decodePosition } from './positions';
import { begin, collect, finish, labelled, readAllOf, rollbackAbandoned, waitForLockWaiter } from './testing/race-helpers';
import { EMBEDDED, openTestDatabase, type TestDatabase } from './testing/test-database';

// Forcing out-of-order commits, in-flight transactions and lock contention takes two transactions
// that are open at the same time on the server. PGlite has one backend and serialises sessions.
const itServer = EMBEDDED ? it.skip : it;
if (EMBEDDED) {
  console.warn(
    '[event-store-postgres] race tests skipped: the embedded PGlite runs one backend, so two truly ' +
      'concurrent transactions cannot exist. Set DATABASE_URL to a PostgreSQL server to run them.',
  );
}
jest.setTimeout(20_000);

describe('PostgresEventStore under concurrent transactions', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  /** A second process: its own pool and store instance. */
  let otherPool: Pool;
  let other: PostgresEventStore;
  const start = async (): Promise<string | undefined> => (await store.headPosition()) ?? undefined;

  beforeAll(async () => {
    database = await openTestDatabase();
    store = new PostgresEventStore(database.pool, { notifications: 'poll', pollIntervalMs: 50 });
    otherPool = database.newPool(10);
    other = new PostgresEventStore(otherPool, { notifications: 'poll', pollIntervalMs: 50 });
  });
  afterEach(rollbackAbandoned);
  afterAll(async () => {
    await other.close();
    await otherPool.end();
    await store.close();
    await database.close();
  });

  itServer('holds back a younger commit until an older transaction commits, then orders by transaction id', async () => {
    const [a, b] = [uniqueStream('racea'), uniqueStream('raceb')];
    const labels = { [a]: 'a', [b]: 'b' };
    const after = await start();
    const { seen, subscription } = collect(store, after, [a, b]);
    const txA = await begin(database.pool);
    await store.appendInTransaction(txA, a, newEvents(1)); // A takes the older transaction id...
    const appendedB = await store.appendToStream(b, newEvents(1)); // ...B a younger one, and commits first.

    expect(await store.readStream(b)).toHaveLength(1); // committed: stream reads see it
    expect(await readAllOf(store, after, [a, b])).toEqual([]); // but $all must not pass A
    const head = await store.headPosition();
    expect(head === null || head < appendedB.position).toBe(true);
    await sleep(200); // several poll intervals
    expect(seen).toEqual([]);

    await finish(txA, 'COMMIT');
    await eventually(async () => expect(labelled(await readAllOf(store, after, [a, b]), labels)).toEqual(['a0', 'b0']));
    await eventually(() => expect(labelled(seen, labels)).toEqual(['a0', 'b0']));
    await subscription.stop();
  });

  itServer('passes the hole a rolled-back append leaves, once nothing older is in flight', async () => {
    const [a, b] = [uniqueStream('racea'), uniqueStream('raceb')];
    const after = await start();
    const { seen, subscription } = collect(store, after, [a, b]);
    const txA = await begin(database.pool);
    const doomed = await store.appendInTransaction(txA, a, newEvents(2));
    const appendedB = await store.appendToStream(b, newEvents(1));
    expect(await readAllOf(store, after, [a, b])).toEqual([]);

    await finish(txA, 'ROLLBACK');
    await eventually(async () =>
      expect((await readAllOf(store, after, [a, b])).map((e) => e.id)).toEqual([appendedB.events[0]?.id]),
    );
    await eventually(() => expect(seen.map((e) => e.streamName)).toEqual([b]));
    // The hole is real: A's global positions were taken, never committed, and B's lies beyond them.
    const holes = doomed.events.map((e) => decodePosition(e.position).globalPosition);
    const { rows } = await database.pool.query(
      'SELECT 1 FROM event_store.events WHERE global_position = ANY($1::bigint[])',
      [holes],
    );
    expect(rows).toEqual([]);
    const beyond = BigInt(decodePosition(appendedB.position).globalPosition);
    expect(holes.every((hole) => BigInt(hole) < beyond)).toBe(true);
    await subscription.stop();
  });

  itServer('a long open transaction stalls $all (never skips) until it ends', async () => {
    const b = uniqueStream('raceb');
    const after = await start();
    const { seen, subscription } = collect(store, after, [b]);
    const long = await begin(database.pool);
    await long.query('SELECT pg_current_xact_id()'); // holds a transaction id, as any writer does
    const appended = await other.appendToStream(b, newEvents(2));

    for (let poll = 0; poll < 5; poll += 1) {
      expect(await readAllOf(store, after, [b])).toEqual([]);
      await sleep(60);
    }
    const head = await store.headPosition();
    expect(head === null || head < appended.position).toBe(true);
    expect(seen).toEqual([]);

    await finish(long, 'COMMIT');
    await eventually(async () => expect(await readAllOf(store, after, [b])).toHaveLength(2));
    await eventually(() => expect(seen.map((e) => e.revision)).toEqual([0, 1]));
    await subscription.stop();
  });

  itServer('parallel appends to one stream from two processes land in revision order with an unbroken chain', async () => {
    const stream = uniqueStream('racec');
    const after = await start();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).appendToStream(stream, newEvents(1))),
    );
    const revisions = Array.from({ length: 20 }, (_, i) => i);
    expect(results.map((r) => r.nextExpectedRevision).sort((x, y) => x - y)).toEqual(revisions);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.revision)).toEqual(revisions);
    expect(verifyChain(events)).toMatchObject({ ok: true, count: 20 });
    // Transaction ids are taken after the stream lock, so $all shows the stream in revision order.
    await eventually(async () => expect((await readAllOf(store, after, [stream])).map((e) => e.revision)).toEqual(revisions));
  });

  itServer('with an exact expected revision only one of two concurrent writers wins', async () => {
    const stream = uniqueStream('racec');
    await store.appendToStream(stream, newEvents(1));
    const txA = await begin(database.pool);
    await store.appendInTransaction(txA, stream, newEvents(1), { expected: 0 });
    const contender = other.appendToStream(stream, newEvents(1), { expected: 0 });
    await waitForLockWaiter(database.pool, 'advisory'); // the contender waits for A's stream lock
    await finish(txA, 'COMMIT');
    await expect(contender).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 0, actual: 1 });

    const racers = await Promise.allSettled([
      store.appendToStream(stream, newEvents(1), { expected: 1 }),
      other.appendToStream(stream, newEvents(1), { expected: 1 }),
    ]);
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = racers.filter((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(verifyChain(await store.readStream(stream))).toMatchObject({ ok: true, count: 3 });
  });

  itServer('an append on a known head takes the stream lock too, so it loses to the holder without a spurious error', async () => {
    const stream = uniqueStream('racek');
    const txA = await begin(database.pool);
    await store.appendInTransaction(txA, stream, newEvents(1), { expected: 'no_stream' });
    const created = other.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
    // Waiting on the advisory lock, not on A's row at the unique key: the lock comes before the insert.
    await waitForLockWaiter(database.pool, 'advisory');
    const anyWriter = store.appendToStream(stream, newEvents(1), { expected: 'any' });
    await finish(txA, 'COMMIT');
    // actual: 0 or 1, as the loser's second look comes before or after the 'any' writer's commit.
    await expect(created).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 'no_stream' });
    await expect(anyWriter).resolves.toMatchObject({ nextExpectedRevision: 1 });

    const [head] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const racers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).appendToStream(stream, newEvents(2), { expected: 1, expectedHash: head!.metadata.hash })),
    );
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(racers.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof WrongExpectedVersionError)).toBe(true);
    const fresh = uniqueStream('racek');
    const creators = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).appendToStream(fresh, newEvents(1), { expected: 'no_stream' })),
    );
    expect(creators.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(creators.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof WrongExpectedVersionError)).toBe(true);
    expect(verifyChain(await store.readStream(stream))).toMatchObject({ ok: true, count: 4 });
    expect(await store.readStream(fresh)).toHaveLength(1);
  });

  itServer('a concurrent duplicate id is a retry in the same stream and a conflict in another', async () => {
    const [s1, s2] = [uniqueStream('raced'), uniqueStream('raced')];
    const event = newEvent('SomethingHappened', { value: 1 });
    const txA = await begin(database.pool);
    const original = await store.appendInTransaction(txA, s1, [event]);
    const elsewhere = other.appendToStream(s2, [event]); // no shared stream lock: meets A at the unique key
    await waitForLockWaiter(database.pool, 'transactionid');
    const retry = other.appendToStream(s1, [event]); // waits for the stream lock
    await waitForLockWaiter(database.pool, 'advisory');
    await finish(txA, 'COMMIT');
    await expect(elsewhere).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(retry).resolves.toMatchObject({ position: original.position, nextExpectedRevision: 0 });
    expect(await store.readStream(s2)).toEqual([]);
    expect(await store.readStream(s1)).toHaveLength(1);
  });

  itServer('LISTEN/NOTIFY wakes a subscription of another process; close() ends only its own connection', async () => {
    const pool = database.newPool(2, 'event-store-listen-test'); // its name tells its LISTEN connection apart
    const listening = new PostgresEventStore(pool, { notifications: 'listen', pollIntervalMs: 60_000 });
    const stream = uniqueStream('racel');
    const listeners = async (): Promise<number> => {
      const { rows } = await database.pool.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM pg_stat_activity WHERE application_name = 'event-store-listen-test:listen'",
      );
      return Number(rows[0]?.n ?? 0);
    };
    try {
      const { seen, subscription } = collect(listening, await start(), [stream]);
      await eventually(async () => expect(await listeners()).toBe(1));
      await sleep(100); // let the subscription settle into its 60 s wait
      await other.appendToStream(stream, newEvents(1)); // another instance: only NOTIFY can wake it
      await eventually(() => expect(seen).toHaveLength(1), 3_000);
      await subscription.stop();
      await listening.close();
      await eventually(async () => expect(await listeners()).toBe(0));
      expect(await listening.readStream(stream)).toHaveLength(1); // the caller's pool still works
    } finally {
      await listening.close();
      await pool.end();
    }
  });

  // One connection is enough for these, so they also run on the embedded PostgreSQL.
  describe('appending inside a caller transaction', () => {
    it('refuses a transaction that already wrote and leaves it usable', async () => {
      const stream = uniqueStream('racet');
      const tx = await begin(database.pool);
      await tx.query('CREATE TEMP TABLE wrote_first (x int) ON COMMIT DROP');
      await tx.query('INSERT INTO wrote_first VALUES (1)');
      await expect(store.appendInTransaction(tx, stream, newEvents(1))).rejects.toBeInstanceOf(InvalidAppendError);
      expect((await tx.query('SELECT count(*)::int AS n FROM wrote_first')).rows).toEqual([{ n: 1 }]);
      await finish(tx, 'COMMIT');
      expect(await store.readStream(stream)).toEqual([]);
    });

    it('commits and rolls back with the caller; a second append in the same transaction is refused', async () => {
      const [kept, dropped] = [uniqueStream('racet'), uniqueStream('racet')];
      const rolledBack = await begin(database.pool);
      await store.appendInTransaction(rolledBack, dropped, newEvents(2));
      await finish(rolledBack, 'ROLLBACK');
      expect(await store.readStream(dropped)).toEqual([]);

      const tx = await begin(database.pool);
      await store.appendInTransaction(tx, kept, newEvents(2), { expected: 'no_stream' });
      await expect(store.appendInTransaction(tx, dropped, newEvents(1))).rejects.toBeInstanceOf(InvalidAppendError);
      await finish(tx, 'COMMIT');
      expect(verifyChain(await store.readStream(kept))).toMatchObject({ ok: true, count: 2 });
      expect(await store.readStream(dropped)).toEqual([]);
    });

    it('refuses a client outside a transaction block, and isolation levels other than READ COMMITTED', async () => {
      const stream = uniqueStream('racet');
      const client = await database.pool.connect();
      try {
        await expect(store.appendInTransaction(client, stream, newEvents(1))).rejects.toThrow(/open transaction/);
      } finally {
        client.release();
      }
      const repeatable = await begin(database.pool, 'REPEATABLE READ');
      await expect(store.appendInTransaction(repeatable, stream, newEvents(1))).rejects.toThrow(/READ COMMITTED/);
      await finish(repeatable, 'ROLLBACK');
      expect(await store.readStream(stream)).toEqual([]);
    });
  });
});
