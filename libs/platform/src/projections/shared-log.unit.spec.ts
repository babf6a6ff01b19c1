import { InMemoryEventStore, type EventStore, type Position } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';
import { SharedLog } from './shared-log';
import { StoreWakeUps } from './store-wake-ups';

/** The store as the shared log sees it, counting its reads (the doorbell's own reads are not counted). */
function counted(store: InMemoryEventStore): { store: EventStore; readAlls: () => number; typedReads: () => number } {
  const counts = { readAll: 0, readAllOfTypes: 0 };
  const view: EventStore = {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => ((counts.readAll += 1), store.readAll(...args)),
    readAllOfTypes: (...args) => ((counts.readAllOfTypes += 1), store.readAllOfTypes(...args)),
    headPosition: () => store.headPosition(),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
  return { store: view, readAlls: () => counts.readAll, typedReads: () => counts.readAllOfTypes };
}

const projectionOf = (name: string, eventTypes: readonly string[]): PostgresProjection => ({ name, eventTypes, apply: () => Promise.resolve() });
const never = new AbortController().signal;

describe('SharedLog (one reader of $all for the runners of a process)', () => {
  let store: InMemoryEventStore;
  let reader: ReturnType<typeof counted>;
  let wakeUps: StoreWakeUps;
  const sharedLog = (options: ConstructorParameters<typeof SharedLog>[2]): SharedLog => new SharedLog(reader.store, wakeUps, options);

  beforeEach(async () => {
    store = new InMemoryEventStore();
    reader = counted(store);
    wakeUps = new StoreWakeUps(store);
    await wakeUps.start();
  });
  afterEach(async () => {
    await wakeUps.stop();
    await store.close();
  });

  /** 600 events: A, B, A, C, A, B, ... in streams of three. */
  const fill = async (count = 600): Promise<void> => {
    const types = ['A', 'B', 'A', 'C', 'A', 'B'];
    for (let i = 0; i < count; i += 3) {
      await store.appendToStream(
        uniqueStream('log'),
        [0, 1, 2].map((k) => newEvent(types[(i + k) % types.length] as string, { n: i + k })),
      );
    }
  };

  /** A full window (reads of 100, room for 200) held by a slow runner that took one page from the start. */
  const windowHeldBySlowRunner = async (idleMs: number): Promise<SharedLog> => {
    await fill();
    const log = sharedLog({ readSize: 100, capacity: 200, idleMs });
    await log.page('slow_v1', projectionOf('slow_v1', ['A']), null, 1, never);
    return log;
  };

  /** Pages a runner through to the head, as the runner does: each page after the last one's `through`. */
  const drain = async (log: SharedLog, projection: PostgresProjection, maxCount: number): Promise<{ events: number[]; pages: number }> => {
    const events: number[] = [];
    let after: Position | null = null;
    for (let pages = 1; ; pages += 1) {
      const page = await log.page(projection.name, projection, after, maxCount, never);
      events.push(...page.events.map((event) => (event.data as { n: number }).n));
      after = page.through?.position ?? after;
      if (page.atHead) return { events, pages };
    }
  };

  const expected = (types: readonly string[]): number[] => {
    const all = ['A', 'B', 'A', 'C', 'A', 'B'];
    return Array.from({ length: 600 }, (_, n) => n).filter((n) => types.includes(ANY_EVENT_TYPE) || types.includes(all[n % all.length] as string));
  };

  it('gives each projection exactly its events, in order, from one read of the log for all of them', async () => {
    await fill();
    const log = sharedLog({ readSize: 100, capacity: 1_000 });
    const projections = [projectionOf('a_v1', ['A']), projectionOf('c_v1', ['C']), projectionOf('all_v1', [ANY_EVENT_TYPE]), projectionOf('bc_v1', ['B', 'C'])];
    const drained = await Promise.all(projections.map((projection) => drain(log, projection, 40)));
    projections.forEach((projection, i) => expect(drained[i]?.events).toEqual(expected(projection.eventTypes)));
    // 600 events in reads of 100, plus the read that finds the head: not one pass per runner.
    expect(reader.readAlls()).toBe(7);
    expect(reader.typedReads()).toBe(0);
  });

  it('cuts a sparse projection full pages across reads instead of a page per read', async () => {
    await fill();
    const log = sharedLog({ readSize: 50, capacity: 1_000 });
    const { events, pages } = await drain(log, projectionOf('c_v1', ['C']), 40);
    expect(events).toEqual(expected(['C']));
    // 100 C events in pages of 40: three pages, though 13 reads were needed to find them.
    expect(pages).toBe(3);
  });

  it('lets a runner behind the window read for itself, then rejoin the window', async () => {
    await fill();
    const log = sharedLog({ readSize: 100, capacity: 200 });
    await drain(log, projectionOf('front_v1', ['A']), 500);
    log.leave('front_v1');
    // The window now holds only the log's end: a runner from the start is behind it.
    const late = await drain(log, projectionOf('late_v1', ['B']), 30);
    expect(late.events).toEqual(expected(['B']));
    expect(reader.typedReads()).toBeGreaterThan(0);
    const typedBefore = reader.typedReads();
    const seen = wakeUps.version;
    await store.appendToStream(uniqueStream('log'), [newEvent('B', { n: 600 })]);
    await wakeUps.wait(seen, 1_000, never);
    const head = await store.headPosition();
    const page = await log.page('late_v1', projectionOf('late_v1', ['B']), await positionBefore(head), 30, never);
    expect(page.events.map((event) => (event.data as { n: number }).n)).toEqual([600]);
    expect(reader.typedReads()).toBe(typedBefore);
  });

  it('ends a page with nothing of the projection after a window of events, so its checkpoint moves', async () => {
    await fill();
    const log = sharedLog({ readSize: 100, capacity: 200 });
    const page = await log.page('none_v1', projectionOf('none_v1', ['Z']), null, 10, never);
    expect(page).toMatchObject({ events: [], scanned: 200, atHead: false });
    expect(page.through?.position).toBe(await positionAt(199));
  });

  it('holds a runner that outpaces the window until the slowest one moves on', async () => {
    await fill();
    const log = sharedLog({ readSize: 100, capacity: 200, idleMs: 60_000 });
    const slow = projectionOf('slow_v1', [ANY_EVENT_TYPE]);
    const first = await log.page('slow_v1', slow, null, 10, never);
    expect(first.events).toHaveLength(10);
    // A runner of a type that is not in the log, ahead of the slow one: the window cannot grow
    // past the slow one's 10 events plus its capacity, so it waits.
    let fastDone = false;
    const fast = log.page('fast_v1', projectionOf('fast_v1', ['Z']), await positionAt(99), 10, never).then((page) => {
      fastDone = true;
      return page;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fastDone).toBe(false);
    expect(log.size).toBeLessThanOrEqual(200);
    // The slow runner moves on; the window follows and the fast one gets its page.
    let after = first.through?.position ?? null;
    while (!fastDone) {
      const page = await log.page('slow_v1', slow, after, 50, never);
      after = page.through?.position ?? after;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const page = await fast;
    expect(page).toMatchObject({ events: [], scanned: 200, atHead: false });
    expect(page.through?.position).toBe(await positionAt(299));
  });

  it('stops holding for a runner that went silent', async () => {
    const log = await windowHeldBySlowRunner(30);
    const page = await log.page('fast_v1', projectionOf('fast_v1', ['Z']), await positionAt(99), 10, never);
    expect(page).toMatchObject({ events: [], scanned: 200, atHead: false });
    expect(page.through?.position).toBe(await positionAt(299));
  });

  it('answers a stopping runner at once instead of waiting for room', async () => {
    const log = await windowHeldBySlowRunner(60_000);
    const stop = new AbortController();
    const pending = log.page('fast_v1', projectionOf('fast_v1', ['Z']), await positionAt(99), 10, stop.signal);
    stop.abort();
    const page = await pending;
    // What it scanned before it had to wait: the rest of the window.
    expect(page).toMatchObject({ events: [], scanned: 100, atHead: false });
    expect(page.through?.position).toBe(await positionAt(199));
  });

  it('does not read again at the head until the doorbell rings, then reads the new events once', async () => {
    await fill(6);
    await rungOut();
    const log = sharedLog({ readSize: 100, capacity: 1_000, headFreshMs: 60_000 });
    const a = projectionOf('a_v1', ['A']);
    const b = projectionOf('b_v1', ['B']);
    const pa = await log.page('a_v1', a, null, 100, never);
    const pb = await log.page('b_v1', b, null, 100, never);
    expect([pa.atHead, pb.atHead]).toEqual([true, true]);
    const reads = reader.readAlls();
    expect((await log.page('a_v1', a, pa.through?.position ?? null, 100, never)).scanned).toBe(0);
    expect(reader.readAlls()).toBe(reads);

    const seen = wakeUps.version;
    await store.appendToStream(uniqueStream('log'), [newEvent('A', { n: 6 }), newEvent('B', { n: 7 })]);
    await wakeUps.wait(seen, 1_000, never);
    const [na, nb] = await Promise.all([
      log.page('a_v1', a, pa.through?.position ?? null, 100, never),
      log.page('b_v1', b, pb.through?.position ?? null, 100, never),
    ]);
    expect(na.events.map((event) => (event.data as { n: number }).n)).toEqual([6]);
    expect(nb.events.map((event) => (event.data as { n: number }).n)).toEqual([7]);
    expect(reader.readAlls()).toBe(reads + 1);
  });

  /** Until the doorbell has rung for every append so far. */
  async function rungOut(): Promise<void> {
    for (let version = -1; version !== wakeUps.version; ) {
      version = wakeUps.version;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }

  /** The position of the log's `index`-th event (read directly, not through the counted view). */
  async function positionAt(index: number): Promise<Position> {
    const event = (await store.readAll({}))[index];
    if (!event) throw new Error(`no event ${index}`);
    return event.position;
  }

  /** The position just before the head (the last but one event): where a runner that has applied everything else stands. */
  async function positionBefore(head: Position | null): Promise<Position | null> {
    const all = await store.readAll({});
    const index = all.findIndex((event) => event.position === head);
    return all[index - 1]?.position ?? null;
  }
});
