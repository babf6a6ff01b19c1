import type { RecordedEvent } from '../../envelope/envelope';
import { verifyChain } from '../../audit/hash-chain';
import { eventually, newEvents, uniqueStream } from '../fixtures';
import type { ContractContext } from './contract-context';

/** Catch-up subscriptions across a restart, and the per-stream hash chain. */
export function describeSubscriptionAndChainContract(ctx: ContractContext): void {
  describe('catch-up subscription', () => {
    it('delivers in order, and resumes after a restart from its checkpoint without loss or repeat', async () => {
      const stream = uniqueStream();
      const seen: RecordedEvent[] = [];
      const collect = async (event: RecordedEvent): Promise<void> => {
        if (event.streamName === stream) seen.push(event);
        return Promise.resolve();
      };
      const start = (await ctx.store.headPosition()) ?? undefined;
      let checkpoint = start;
      const first = ctx.store.subscribeToAll({
        after: start,
        onEvent: async (event) => {
          await collect(event);
          checkpoint = event.position;
        },
      });
      await ctx.store.appendToStream(stream, newEvents(3));
      await eventually(() => expect(seen).toHaveLength(3));
      await first.stop();

      await ctx.store.appendToStream(stream, newEvents(2));
      const restarted = await ctx.harness.reopen();
      const second = restarted.subscribeToAll({ after: checkpoint, onEvent: collect });
      await eventually(() => expect(seen).toHaveLength(5));
      await restarted.appendToStream(stream, newEvents(1));
      await eventually(() => expect(seen).toHaveLength(6));
      await second.stop();
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      if (restarted !== ctx.store) await restarted.close();
    });
  });

  describe('audit chain', () => {
    it('chains every event to the previous one and catches an edited row', async () => {
      const stream = uniqueStream();
      await ctx.store.appendToStream(stream, newEvents(2));
      await ctx.store.appendToStream(stream, newEvents(2));
      const events = await ctx.store.readStream(stream);
      expect(events[1]?.metadata.prevHash).toBe(events[0]?.metadata.hash);
      expect(events[2]?.metadata.prevHash).toBe(events[1]?.metadata.hash);
      expect(verifyChain(events)).toMatchObject({ ok: true, count: 4 });

      if (!ctx.harness.tamper) {
        console.warn(`[${ctx.adapterName}] in-place tamper: not applicable, the backend cannot edit a stored event`);
        return;
      }
      await ctx.harness.tamper(stream, 2, { index: 99 });
      const verdict = verifyChain(await ctx.store.readStream(stream));
      expect(verdict).toMatchObject({ ok: false, firstBadRevision: 2, reason: 'HASH_MISMATCH' });
    });
  });
}
