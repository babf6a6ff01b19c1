import type { RecordedEvent } from '../../envelope/envelope';
import { eventually, newEvent, newEvents, uniqueStream } from '../fixtures';
import type { ContractContext } from './contract-context';

/** Reading `$all`: order and paging, and reads of some types only (`readAllOfTypes`). */
export function describeAllReadsContract(ctx: ContractContext): void {
  describe('$all', () => {
    it('returns events in append order with strictly increasing positions, paged after a position', async () => {
      const head = (await ctx.store.headPosition()) ?? undefined;
      const a = uniqueStream();
      const b = uniqueStream();
      await ctx.store.appendToStream(a, newEvents(2));
      await ctx.store.appendToStream(b, newEvents(1));
      await ctx.store.appendToStream(a, newEvents(1));
      const ours = async (after?: string): Promise<RecordedEvent[]> =>
        (await ctx.store.readAll({ after })).filter((e) => e.streamName === a || e.streamName === b);
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
      const page = await ctx.store.readAll({ after: first?.position, maxCount: 1 });
      expect(page.map((e) => e.id)).toEqual([second?.id]);
        // Others may append to a shared store meanwhile: the head is at or past our last event.
      const headNow = (await ctx.store.headPosition()) ?? '';
      expect(headNow >= (all.at(-1)?.position ?? '')).toBe(true);
      expect(await ours(headNow)).toEqual([]);
    });

    it('reads only the wanted types, resumes after what it passed over, and says when it reached the head', async () => {
      const head = (await ctx.store.headPosition()) ?? undefined;
      const tag = Math.random().toString(36).slice(2, 10);
      const wanted = `Wanted${tag}`;
      const other = `Other${tag}`;
      const a = uniqueStream();
      const b = uniqueStream();
      await ctx.store.appendToStream(a, [newEvent(wanted, { n: 1 }), newEvent(other), newEvent(other)]);
      await ctx.store.appendToStream(b, [newEvent(other), newEvent(wanted, { n: 2 }), newEvent(other)]);
      await ctx.store.appendToStream(a, [newEvent(other)]);
      const ourLast = (await ctx.store.readStream(a, { direction: 'backwards', maxCount: 1 }))[0]?.position ?? '';
        // One match a page, as a projection runner would page, until the head: every wanted event
        // exactly once, in log order, and never an event of another type.
      await eventually(async () => {
        const seen: RecordedEvent[] = [];
        let after = head;
        let scanned = 0;
        let last: { atHead: boolean; through: string | null } = { atHead: false, through: null };
        for (let pages = 0; pages < 1_000 && !last.atHead; pages += 1) {
          const page = await ctx.store.readAllOfTypes({ after, maxCount: 1, types: [wanted] });
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
      const end = (await ctx.store.headPosition()) ?? undefined;
      const empty = await ctx.store.readAllOfTypes({ after: end, maxCount: 10, types: [wanted] });
      expect(empty.events).toEqual([]);
      expect(empty.atHead).toBe(true);
      expect(empty.through === null || empty.through.position > (end ?? '')).toBe(true);
    });
  });
}
