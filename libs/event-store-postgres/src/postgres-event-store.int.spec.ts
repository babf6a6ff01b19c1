import { InvalidAppendError, verifyChain, WrongExpectedVersionError, type RecordedEvent } from '@cdtt/event-sourcing';
import { describeEventStoreContract, eventually, newEvent, newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import { PostgresEventStore, type PostgresEventStoreOptions } from '@cdtt/event-store-postgres';
import type { Pool } from 'pg';
import { EMBEDDED, openTestDatabase, tamperEvent, type TestDatabase } from './testing/test-database';

// PGlite does not deliver notifications across connections: poll there, LISTEN on a server.
const storeOptions: PostgresEventStoreOptions = { notifications: EMBEDDED ? 'poll' : 'listen', pollIntervalMs: 50 };

describeEventStoreContract('postgres', async () => {
  const database = await openTestDatabase();
  const store = new PostgresEventStore(database.pool, storeOptions);
  const reopened: Array<{ store: PostgresEventStore; pool: Pool }> = [];
  return {
    store,
    // A restart: a new store on a new pool, over the same tables.
    reopen: () => {
      const pool = database.newPool();
      const again = new PostgresEventStore(pool, storeOptions);
      reopened.push({ store: again, pool });
      return Promise.resolve(again);
    },
    tamper: (streamName, revision, data) => tamperEvent(database.pool, streamName, revision, data),
    teardown: async () => {
      await store.close();
      for (const entry of reopened) {
        await entry.store.close();
        await entry.pool.end();
      }
      await database.close();
    },
  };
});

describe('postgres readAllOfTypes: a bounded walk', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await openTestDatabase()));
  afterAll(() => database.close());

  it('walks at most its window per read, so a page may be empty before the head, and resumes where it stopped', async () => {
    const store = new PostgresEventStore(database.pool, { ...storeOptions, typedReadWindow: 3 });
    const head = (await store.headPosition()) ?? undefined;
    const wanted = `Windowed${Math.random().toString(36).slice(2, 10)}`;
    const stream = uniqueStream();
    await store.appendToStream(stream, [newEvent(wanted, { n: 1 }), ...newEvents(5, 'NotWanted'), newEvent(wanted, { n: 2 })]);
    // Any transaction open on the server (another test file's) holds the batch back from $all; wait until it shows.
    await eventually(async () => expect((await store.readAll({ after: head })).filter((e) => e.streamName === stream)).toHaveLength(7));
    const first = await store.readAllOfTypes({ after: head, maxCount: 1, types: [wanted] });
    expect(first.scanned).toBeLessThanOrEqual(3);
    const seen = [...first.events];
    let page = first;
    let reads = 1;
    let emptyBeforeHead = false;
    while (!page.atHead && reads < 10_000) {
      page = await store.readAllOfTypes({ after: page.through?.position, maxCount: 1, types: [wanted] });
      expect(page.scanned).toBeLessThanOrEqual(3);
      if (page.events.length === 0 && !page.atHead) emptyBeforeHead = true;
      seen.push(...page.events);
      reads += 1;
    }
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
    expect(emptyBeforeHead).toBe(true);
    await store.close();
  });
});

/** JSON.stringify would store 'rendered differently'; the hash covers the own fields. */
class RendersDifferently {
  readonly field = 'own';
  toJSON(): string {
    return 'rendered differently';
  }
}

describe('PostgresEventStore specifics', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const clock = { now: () => new Date('2025-07-01T08:09:10.123Z') };
  beforeAll(async () => {
    database = await openTestDatabase();
    store = new PostgresEventStore(database.pool, { ...storeOptions, clock });
  });
  afterAll(async () => {
    await store.close();
    await database.close();
  });

  it('appends in two round trips of its own, one when the head is known, and reads through prepared statements on a server', async () => {
    const pool = database.newPool(1, 'event-store-round-trips');
    const own = new PostgresEventStore(pool, { ...storeOptions, notifications: 'poll' });
    try {
      const stream = uniqueStream();
      await own.appendToStream(stream, newEvents(1)); // warms the pool's one connection
      const client = await pool.connect();
      const sent = jest.spyOn(client, 'query');
      client.release();
      const counted = await own.appendToStream(stream, newEvents(3, 'Counted'), { expected: 0 });
      // BEGIN + lock + reads in one message, then INSERT + NOTIFY + COMMIT in another.
      expect(sent).toHaveBeenCalledTimes(2);
      sent.mockClear();
      const head = counted.events[2]!.metadata.hash;
      const known = await own.appendToStream(stream, newEvents(1, 'Known'), { expected: 3, expectedHash: head });
      await own.appendToStream(uniqueStream(), newEvents(2, 'Known'), { expected: 'no_stream' });
      // BEGIN + lock + INSERT + NOTIFY + COMMIT in one message each.
      expect(sent).toHaveBeenCalledTimes(2);
      sent.mockClear();
      await own.appendToStream(stream, newEvents(1, 'Unknown'), { expected: 4, expectedHash: head });
      // The wrong hash inserted nothing; then the two round trips of the full protocol.
      expect(sent).toHaveBeenCalledTimes(3);
      sent.mockClear();
      const stale = { expected: 4, expectedHash: known.events[0]!.metadata.hash };
      await expect(own.appendToStream(stream, newEvents(1), stale)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      // A lost race inserts nothing without an error (no ROLLBACK sent): the full protocol then refuses it.
      expect(sent).toHaveBeenCalledTimes(3);
      sent.mockRestore();
      expect((await own.readStream(stream)).map((e) => e.type)).toEqual(['SomethingHappened', 'Counted', 'Counted', 'Counted', 'Known', 'Unknown']);
      expect(verifyChain(await own.readStream(stream))).toMatchObject({ ok: true, count: 6 });
      await own.readAll({ maxCount: 1 });
      const { rows } = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
      // PGlite shares one session between connections, where named statements would collide: none there.
      expect(rows.map((row) => row.name)).toEqual(EMBEDDED ? [] : ['cdtt_es_read_all', 'cdtt_es_read_stream_forwards']);
    } finally {
      await own.close();
      await pool.end();
    }
  });

  it('answers an append whose message failed after its COMMIT with the stored batch, and rethrows one that stored nothing', async () => {
    const pool = database.newPool(1, 'event-store-after-commit');
    const own = new PostgresEventStore(pool, { ...storeOptions, notifications: 'poll' });
    try {
      await own.readStream(uniqueStream()); // opens the pool's one connection
      const client = await pool.connect();
      const send = client.query.bind(client) as (text: string) => Promise<unknown>;
      // One signature only: the driver's overloads include callback forms that return nothing.
      const sent = jest.spyOn(client, 'query') as unknown as jest.SpyInstance<Promise<unknown>, [string]>;
      client.release();
      // The message runs (COMMIT included), then its answer is lost, as when the wake-up after it fails.
      sent.mockImplementationOnce(async (text) => {
        await send(text);
        throw new Error('the answer was lost after the commit');
      });
      const stream = uniqueStream();
      const batch = newEvents(2);
      const answered = await own.appendToStream(stream, batch, { expected: 'no_stream' });
      expect(answered.events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      expect(await own.readStream(stream)).toHaveLength(2);
      // Failing before anything is sent: nothing is stored, so the error stands.
      sent.mockImplementationOnce(() => Promise.reject(new Error('the connection broke')));
      const other = uniqueStream();
      await expect(own.appendToStream(other, newEvents(1), { expected: 'no_stream' })).rejects.toThrow('the connection broke');
      expect(await own.readStream(other)).toEqual([]);
      sent.mockRestore();
    } finally {
      await own.close();
      await pool.end();
    }
  });

  it('orders revisions numerically past one digit, in SQL as in the head lookup', async () => {
    const stream = uniqueStream();
    await store.appendToStream(stream, newEvents(9));
    await store.appendToStream(stream, newEvents(3), { expected: 8 });
    await store.appendToStream(stream, newEvents(1), { expected: 11 });
    const revisions = (events: RecordedEvent[]): number[] => events.map((e) => e.revision);
    expect(revisions(await store.readStream(stream))).toEqual([...Array(13).keys()]);
    expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([12, 11, 10]);
    expect(revisions(await store.readStream(stream, { fromRevision: 9, maxCount: 2 }))).toEqual([9, 10]);
    expect(verifyChain(await store.readStream(stream))).toMatchObject({ ok: true, count: 13 });
  });

  it('keeps hashes valid through jsonb: key order, numbers, unicode, dates, toJSON', async () => {
    const stream = uniqueStream();
    const data = {
      z: 1,
      a: { y: [3, 2, 1], b: null, é: 'Tổ CNSCĐ 🇻🇳 "quoted" \\ \n' },
      numbers: [0.1 + 0.2, 1e21, 2 ** 60, -0, 5e-324, 1.5e-7],
      when: new Date('2025-01-02T03:04:05.006Z'),
      custom: new RendersDifferently(),
      skipped: undefined,
    };
    await store.appendToStream(stream, [newEvent('AwkwardDataRecorded', data), newEvent('Plain')]);
    const events = await store.readStream(stream);
    expect(verifyChain(events)).toMatchObject({ ok: true, count: 2 });
    expect(events[0]?.data).toMatchObject({
      z: 1,
      when: '2025-01-02T03:04:05.006Z',
      numbers: [0.1 + 0.2, 1e21, 2 ** 60, 0, 5e-324, 1.5e-7],
    });
  });

  it('refuses what jsonb cannot hold with a coded error and writes nothing', async () => {
    const stream = uniqueStream();
    const unstorable = newEvent('X', { text: 'nul \u0000 byte' });
    await expect(store.appendToStream(stream, [unstorable])).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('records the injected clock to the millisecond, and reads up to that exact instant', async () => {
    const stream = uniqueStream();
    await store.appendToStream(stream, newEvents(1));
    const [event] = await store.readStream(stream);
    expect(event?.recordedAt).toBe('2025-07-01T08:09:10.123Z');
    expect(await store.readStream(stream, { recordedUpTo: new Date('2025-07-01T08:09:10.123Z') })).toHaveLength(1);
    expect(await store.readStream(stream, { recordedUpTo: new Date('2025-07-01T08:09:10.122Z') })).toEqual([]);
  });

  it('refuses a position it did not produce', async () => {
    await expect(store.readAll({ after: '0000000000000042' })).rejects.toBeInstanceOf(RangeError);
  });
});
