import { GENESIS_HASH, InMemoryEventStore, verifyChain, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';

describe('hash chain', () => {
  let events: RecordedEvent[];
  beforeAll(async () => {
    const store = new InMemoryEventStore({ now: () => new Date('2026-01-02T03:04:05.678Z') });
    const stream = uniqueStream('team');
    await store.appendToStream(stream, newEvents(3));
    events = await store.readStream(stream);
  });

  it('starts from the genesis hash and verifies an intact stream', () => {
    expect(events[0]?.metadata.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(events)).toEqual({ ok: true, count: 3, headHash: events[2]?.metadata.hash });
  });

  it('names the first event whose recorded time was changed', () => {
    const edited = events.map((e, i) => (i === 1 ? { ...e, recordedAt: '2020-01-01T00:00:00.000Z' } : e));
    expect(verifyChain(edited)).toMatchObject({ ok: false, firstBadRevision: 1, reason: 'HASH_MISMATCH', count: 1 });
  });

  it('catches a removed event and a re-linked chain', () => {
    expect(verifyChain([events[0]!, events[2]!])).toMatchObject({ ok: false, firstBadRevision: 2, reason: 'REVISION_GAP' });
    const relinked = events.map((e, i) => (i === 2 ? { ...e, metadata: { ...e.metadata, prevHash: GENESIS_HASH } } : e));
    expect(verifyChain(relinked)).toMatchObject({ ok: false, firstBadRevision: 2, reason: 'PREV_HASH_MISMATCH' });
  });
});
