import type { RecordedEvent } from '../envelope/envelope';
import { verifyChain } from '../audit/hash-chain';
import { EventIdConflictError, InvalidAppendError, WrongExpectedVersionError } from '../store/errors';
import type { EventStore } from '../store/event-store.port';
import { eventually, newEvent, newEvents, sleep, uniqueStream } from './fixtures';

/** What an adapter's test file hands to the contract suite. */
export interface ContractHarness {
  readonly store: EventStore;
  /** A new store instance over the same storage: a process restart. */
  reopen(): Promise<EventStore>;
  /**
   * Rewrites one stored event's data behind the store's back (an attacker with write access).
   * Absent where the backend has no in-place edit at all (EventStoreDB: events are immutable);
   * the tamper step is then reported as not applicable and the adapter tests a forged copy.
   */
  readonly tamper?: (streamName: string, revision: number, data: unknown) => Promise<void>;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /**
   * False where the backend cannot see ids across streams (EventStoreDB deduplicates per stream
   * only); the cross-stream reuse test is then reported as not applicable, not faked.
   */
  readonly detectsIdReuseAcrossStreams?: boolean;
}

/** The one contract suite every EventStore adapter runs. */
export function describeEventStoreContract(
  adapterName: string,
  makeHarness: () => Promise<ContractHarness>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    beforeAll(async () => {
      harness = await makeHarness();
      store = harness.store;
    });
    afterAll(async () => harness.teardown());

    describe('expected state', () => {
      it('no_stream creates a stream with revisions from 0 and fails once it exists', async () => {
        const stream = uniqueStream();
        const result = await store.appendToStream(stream, newEvents(3), { expected: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2);
        expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
        await expect(store.appendToStream(stream, newEvents(1), { expected: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });

      it('stream_exists fails on a missing stream and passes on an existing one', async () => {
        const stream = uniqueStream();
        await expect(store.appendToStream(stream, newEvents(1), { expected: 'stream_exists' })).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          actual: null,
        });
        await store.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
        const result = await store.appendToStream(stream, newEvents(1), { expected: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('an exact revision must match the last event', async () => {
        const stream = uniqueStream();
        await expect(store.appendToStream(stream, newEvents(1), { expected: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.appendToStream(stream, newEvents(2));
        await expect(store.appendToStream(stream, newEvents(1), { expected: 0 })).rejects.toMatchObject({
          expected: 0,
          actual: 1,
        });
        const result = await store.appendToStream(stream, newEvents(1), { expected: 1 });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('any appends whatever the state, and a failed expectation writes nothing', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, newEvents(1), { expected: 'any' });
        await store.appendToStream(stream, newEvents(1));
        await expect(store.appendToStream(stream, newEvents(2), { expected: 5 })).rejects.toThrow();
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotency by event id', () => {
      it('a retry of the same batch returns the original result and writes nothing', async () => {
        const stream = uniqueStream();
        const batch = newEvents(3);
        const first = await store.appendToStream(stream, batch, { expected: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expected: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(retry.position).toBe(first.position);
        expect(retry.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('a used id with different content is a conflict and writes nothing', async () => {
        const stream = uniqueStream();
        const original = newEvent('SomethingHappened', { value: 1 });
        await store.appendToStream(stream, [original]);
        const forged = { ...original, data: { value: 2 } };
        await expect(store.appendToStream(stream, [forged])).rejects.toBeInstanceOf(EventIdConflictError);
        await expect(store.appendToStream(stream, [newEvent('Other'), original])).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        const stored = await store.readStream(stream);
        expect(stored.map((e) => e.data)).toEqual([{ value: 1 }]);
      });

      it('a used id in another stream is a conflict', async () => {
        if (options.detectsIdReuseAcrossStreams === false) {
          console.warn(`[${adapterName}] cross-stream id reuse: not applicable, the backend deduplicates per stream`);
          return;
        }
        const event = newEvent('SomethingHappened');
        await store.appendToStream(uniqueStream(), [event]);
        const other = uniqueStream();
        await expect(store.appendToStream(other, [event])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.readStream(other)).toEqual([]);
      });

      it('refuses malformed appends with a coded error', async () => {
        const stream = uniqueStream();
        const event = newEvent('SomethingHappened');
        await expect(store.appendToStream(stream, [event, event])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.appendToStream(stream, [])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.appendToStream(stream, [newEvent('X', {}, 'not-a-uuid')])).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        await expect(store.appendToStream('no category', [newEvent('X')])).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards, backwards, from a revision and up to a count; an unknown stream is empty', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, newEvents(5));
        const revisions = (events: RecordedEvent[]): number[] => events.map((e) => e.revision);
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([
          3, 2,
        ]);
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('round-trips the envelope', async () => {
        const stream = uniqueStream();
        const event = newEvent('ContractEnvelopeChecked', { name: 'Tổ CNSCĐ thôn Đông', villages: ['a', 'b'], count: 7 });
        await store.appendToStream(stream, [event]);
        const [stored] = await store.readStream(stream);
        expect(stored).toMatchObject({
          id: event.id,
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          streamName: stream,
          revision: 0,
          metadata: { ...event.metadata, prevHash: '0'.repeat(64) },
        });
        expect(stored?.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Number.isNaN(Date.parse(stored?.recordedAt ?? ''))).toBe(false);
      });

      it('reads up to a recorded time', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, newEvents(2));
        await sleep(30);
        const between = new Date();
        await sleep(30);
        await store.appendToStream(stream, newEvents(1));
        expect(await store.readStream(stream, { recordedUpTo: between })).toHaveLength(2);
        expect(await store.readStream(stream, { recordedUpTo: new Date() })).toHaveLength(3);
      });
    });

    describe('$all', () => {
      it('returns events in append order with strictly increasing positions, paged after a position', async () => {
        const head = (await store.headPosition()) ?? undefined;
        const a = uniqueStream();
        const b = uniqueStream();
        await store.appendToStream(a, newEvents(2));
        await store.appendToStream(b, newEvents(1));
        await store.appendToStream(a, newEvents(1));
        const ours = async (after?: string): Promise<RecordedEvent[]> =>
          (await store.readAll({ after })).filter((e) => e.streamName === a || e.streamName === b);
        // Eventually: `$all` may hold back committed events while an older transaction of another
        // client (another test file on the same server) is still in flight.
        let all: RecordedEvent[] = [];
        await eventually(async () => {
          all = await ours(head);
          expect(all.map((e) => `${e.streamName === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a0', 'a1', 'b0', 'a2']);
        });
        const positions = all.map((e) => e.position);
        expect([...positions].sort()).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        const [first, second] = all;
        const page = await store.readAll({ after: first?.position, maxCount: 1 });
        expect(page.map((e) => e.id)).toEqual([second?.id]);
        // Others may append to a shared store meanwhile: the head is at or past our last event.
        const headNow = (await store.headPosition()) ?? '';
        expect(headNow >= (all.at(-1)?.position ?? '')).toBe(true);
        expect(await ours(headNow)).toEqual([]);
      });

      it('reads only the wanted types, resumes after what it passed over, and says when it reached the head', async () => {
        const head = (await store.headPosition()) ?? undefined;
        const tag = Math.random().toString(36).slice(2, 10);
        const wanted = `Wanted${tag}`;
        const other = `Other${tag}`;
        const a = uniqueStream();
        const b = uniqueStream();
        await store.appendToStream(a, [newEvent(wanted, { n: 1 }), newEvent(other), newEvent(other)]);
        await store.appendToStream(b, [newEvent(other), newEvent(wanted, { n: 2 }), newEvent(other)]);
        await store.appendToStream(a, [newEvent(other)]);
        const ourLast = (await store.readStream(a, { direction: 'backwards', maxCount: 1 }))[0]?.position ?? '';
        // One match a page, as a projection runner would page, until the head: every wanted event
        // exactly once, in log order, and never an event of another type.
        await eventually(async () => {
          const seen: RecordedEvent[] = [];
          let after = head;
          let scanned = 0;
          let last: { atHead: boolean; through: string | null } = { atHead: false, through: null };
          for (let pages = 0; pages < 1_000 && !last.atHead; pages += 1) {
            const page = await store.readAllOfTypes({ after, maxCount: 1, types: [wanted] });
            expect(page.events.length).toBeLessThanOrEqual(1);
            expect(page.scanned).toBeGreaterThanOrEqual(page.events.length);
            for (const event of page.events) expect(after === undefined || event.position > after).toBe(true);
            if (page.through) {
              expect(after === undefined || page.through.position > after).toBe(true);
              expect(page.through.position >= (page.events.at(-1)?.position ?? '')).toBe(true);
              after = page.through.position;
            }
            seen.push(...page.events);
            scanned += page.scanned;
            last = { atHead: page.atHead, through: page.through?.position ?? null };
          }
          expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
          expect(seen.map((e) => e.type)).toEqual([wanted, wanted]);
          // It read through our last event (of another type), and counted what it passed over.
          expect((last.through ?? after ?? '') >= ourLast).toBe(true);
          expect(scanned).toBeGreaterThanOrEqual(7);
        });
        // From the head: nothing of ours, at the head (another client of a shared store may have
        // appended since, so `through` is either nothing or past the head we read).
        const end = (await store.headPosition()) ?? undefined;
        const empty = await store.readAllOfTypes({ after: end, maxCount: 10, types: [wanted] });
        expect(empty.events).toEqual([]);
        expect(empty.atHead).toBe(true);
        expect(empty.through === null || empty.through.position > (end ?? '')).toBe(true);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers in order, and resumes after a restart from its checkpoint without loss or repeat', async () => {
        const stream = uniqueStream();
        const seen: RecordedEvent[] = [];
        const collect = async (event: RecordedEvent): Promise<void> => {
          if (event.streamName === stream) seen.push(event);
          return Promise.resolve();
        };
        const start = (await store.headPosition()) ?? undefined;
        let checkpoint = start;
        const first = store.subscribeToAll({
          after: start,
          onEvent: async (event) => {
            await collect(event);
            checkpoint = event.position;
          },
        });
        await store.appendToStream(stream, newEvents(3));
        await eventually(() => expect(seen).toHaveLength(3));
        await first.stop();

        await store.appendToStream(stream, newEvents(2));
        const restarted = await harness.reopen();
        const second = restarted.subscribeToAll({ after: checkpoint, onEvent: collect });
        await eventually(() => expect(seen).toHaveLength(5));
        await restarted.appendToStream(stream, newEvents(1));
        await eventually(() => expect(seen).toHaveLength(6));
        await second.stop();
        expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
        if (restarted !== store) await restarted.close();
      });
    });

    describe('audit chain', () => {
      it('chains every event to the previous one and catches an edited row', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, newEvents(2));
        await store.appendToStream(stream, newEvents(2));
        const events = await store.readStream(stream);
        expect(events[1]?.metadata.prevHash).toBe(events[0]?.metadata.hash);
        expect(events[2]?.metadata.prevHash).toBe(events[1]?.metadata.hash);
        expect(verifyChain(events)).toMatchObject({ ok: true, count: 4 });

        if (!harness.tamper) {
          console.warn(`[${adapterName}] in-place tamper: not applicable, the backend cannot edit a stored event`);
          return;
        }
        await harness.tamper(stream, 2, { index: 99 });
        const verdict = verifyChain(await store.readStream(stream));
        expect(verdict).toMatchObject({ ok: false, firstBadRevision: 2, reason: 'HASH_MISMATCH' });
      });
    });
  });
}
