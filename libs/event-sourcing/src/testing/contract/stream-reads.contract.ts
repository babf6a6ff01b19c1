import type { RecordedEvent } from '../../envelope/envelope';
import { newEvent, newEvents, sleep, uniqueStream } from '../fixtures';
import type { ContractContext } from './contract-context';

/** Reading one stream: directions, bounds, the envelope, a recorded-time bound. */
export function describeStreamReadsContract(ctx: ContractContext): void {
  describe('reading a stream', () => {
    it('reads forwards, backwards, from a revision and up to a count; an unknown stream is empty', async () => {
      const stream = uniqueStream();
      await ctx.store.appendToStream(stream, newEvents(5));
      const revisions = (events: RecordedEvent[]): number[] => events.map((e) => e.revision);
      expect(revisions(await ctx.store.readStream(stream))).toEqual([0, 1, 2, 3, 4]);
      expect(revisions(await ctx.store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      expect(revisions(await ctx.store.readStream(stream, { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
      expect(revisions(await ctx.store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([
        3, 2,
      ]);
      expect(await ctx.store.readStream(uniqueStream())).toEqual([]);
    });

    it('round-trips the envelope', async () => {
      const stream = uniqueStream();
      const event = newEvent('ContractEnvelopeChecked', { name: 'Tổ CNSCĐ thôn Đông', villages: ['a', 'b'], count: 7 });
      await ctx.store.appendToStream(stream, [event]);
      const [stored] = await ctx.store.readStream(stream);
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
      await ctx.store.appendToStream(stream, newEvents(2));
      await sleep(30);
      const between = new Date();
      await sleep(30);
      await ctx.store.appendToStream(stream, newEvents(1));
      expect(await ctx.store.readStream(stream, { recordedUpTo: between })).toHaveLength(2);
      expect(await ctx.store.readStream(stream, { recordedUpTo: new Date() })).toHaveLength(3);
    });
  });
}
