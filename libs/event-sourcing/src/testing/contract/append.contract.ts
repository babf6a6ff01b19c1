import { verifyChain } from '../../audit/hash-chain';
import { EventIdConflictError, InvalidAppendError, WrongExpectedVersionError } from '../../store/errors';
import { newEvent, newEvents, uniqueStream } from '../fixtures';
import type { ContractContext } from './contract-context';

/** Appends: the four expected states, idempotency by event id, refused batches. */
export function describeAppendContract(ctx: ContractContext): void {
  describe('expected state', () => {
    it('no_stream creates a stream with revisions from 0 and fails once it exists', async () => {
      const stream = uniqueStream();
      const result = await ctx.store.appendToStream(stream, newEvents(3), { expected: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
      await expect(ctx.store.appendToStream(stream, newEvents(1), { expected: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });

    it('stream_exists fails on a missing stream and passes on an existing one', async () => {
      const stream = uniqueStream();
      await expect(ctx.store.appendToStream(stream, newEvents(1), { expected: 'stream_exists' })).rejects.toMatchObject({
        code: 'WRONG_EXPECTED_VERSION',
        actual: null,
      });
      await ctx.store.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
      const result = await ctx.store.appendToStream(stream, newEvents(1), { expected: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('an exact revision must match the last event', async () => {
      const stream = uniqueStream();
      await expect(ctx.store.appendToStream(stream, newEvents(1), { expected: 0 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await ctx.store.appendToStream(stream, newEvents(2));
      await expect(ctx.store.appendToStream(stream, newEvents(1), { expected: 0 })).rejects.toMatchObject({
        expected: 0,
        actual: 1,
      });
      const result = await ctx.store.appendToStream(stream, newEvents(1), { expected: 1 });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('any appends whatever the state, and a failed expectation writes nothing', async () => {
      const stream = uniqueStream();
      await ctx.store.appendToStream(stream, newEvents(1), { expected: 'any' });
      await ctx.store.appendToStream(stream, newEvents(1));
      await expect(ctx.store.appendToStream(stream, newEvents(2), { expected: 5 })).rejects.toThrow();
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });
  });

  describe('the hash of the expected revision (expectedHash)', () => {
    it('appends after the head it names, chained to it', async () => {
      const stream = uniqueStream();
      const first = await ctx.store.appendToStream(stream, newEvents(2), { expected: 'no_stream' });
      const head = first.events[1]!;
      const next = await ctx.store.appendToStream(stream, newEvents(2), { expected: 1, expectedHash: head.metadata.hash });
      expect(next.events.map((e) => e.revision)).toEqual([2, 3]);
      expect(next.events[0]!.metadata.prevHash).toBe(head.metadata.hash);
      expect(verifyChain(await ctx.store.readStream(stream))).toMatchObject({ ok: true, count: 4 });
    });

    it('a wrong hash costs the chain nothing: the events chain to the stored head', async () => {
      const stream = uniqueStream();
      const first = await ctx.store.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
      const next = await ctx.store.appendToStream(stream, newEvents(1), { expected: 0, expectedHash: 'f'.repeat(64) });
      expect(next.events[0]!.metadata.prevHash).toBe(first.events[0]!.metadata.hash);
      expect(verifyChain(await ctx.store.readStream(stream))).toMatchObject({ ok: true, count: 2 });
    });

    it('a stale revision is a wrong expected version however right its hash, and writes nothing', async () => {
      const stream = uniqueStream();
      const first = await ctx.store.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
      await ctx.store.appendToStream(stream, newEvents(1), { expected: 0 });
      await expect(
        ctx.store.appendToStream(stream, newEvents(1), { expected: 0, expectedHash: first.events[0]!.metadata.hash }),
      ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 0, actual: 1 });
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });

    it('a retry with the hash returns the original result', async () => {
      const stream = uniqueStream();
      const first = await ctx.store.appendToStream(stream, newEvents(1), { expected: 'no_stream' });
      const batch = newEvents(2);
      const options = { expected: 0, expectedHash: first.events[0]!.metadata.hash };
      const original = await ctx.store.appendToStream(stream, batch, options);
      const retry = await ctx.store.appendToStream(stream, batch, options);
      expect(retry.position).toBe(original.position);
      expect(retry.events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      expect(await ctx.store.readStream(stream)).toHaveLength(3);
    });
  });

  describe('idempotency by event id', () => {
    it('a retry of the same batch returns the original result and writes nothing', async () => {
      const stream = uniqueStream();
      const batch = newEvents(3);
      const first = await ctx.store.appendToStream(stream, batch, { expected: 'no_stream' });
      const retry = await ctx.store.appendToStream(stream, batch, { expected: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(retry.position).toBe(first.position);
      expect(retry.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      expect(await ctx.store.readStream(stream)).toHaveLength(3);
    });

    it('a used id with different content is a conflict and writes nothing', async () => {
      const stream = uniqueStream();
      const original = newEvent('SomethingHappened', { value: 1 });
      await ctx.store.appendToStream(stream, [original]);
      const forged = { ...original, data: { value: 2 } };
      await expect(ctx.store.appendToStream(stream, [forged])).rejects.toBeInstanceOf(EventIdConflictError);
      await expect(ctx.store.appendToStream(stream, [newEvent('Other'), original])).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      const stored = await ctx.store.readStream(stream);
      expect(stored.map((e) => e.data)).toEqual([{ value: 1 }]);
    });

    it('a used id in another stream is a conflict', async () => {
      if (ctx.options.detectsIdReuseAcrossStreams === false) {
        console.warn(`[${ctx.adapterName}] cross-stream id reuse: not applicable, the backend deduplicates per stream`);
        return;
      }
      const event = newEvent('SomethingHappened');
      await ctx.store.appendToStream(uniqueStream(), [event]);
      const other = uniqueStream();
      await expect(ctx.store.appendToStream(other, [event])).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await ctx.store.readStream(other)).toEqual([]);
    });

    it('refuses malformed appends with a coded error', async () => {
      const stream = uniqueStream();
      const event = newEvent('SomethingHappened');
      await expect(ctx.store.appendToStream(stream, [event, event])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(ctx.store.appendToStream(stream, [])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(ctx.store.appendToStream(stream, [newEvent('X', {}, 'not-a-uuid')])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(ctx.store.appendToStream('no category', [newEvent('X')])).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await ctx.store.readStream(stream)).toEqual([]);
    });
  });
}
