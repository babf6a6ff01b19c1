import { createHash, randomBytes } from 'node:crypto';
import { InMemoryEventStore, uuidv7Generator, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvents } from '@cdtt/event-sourcing/testing';
import { writeLedgerCheckpoint } from './ledger-checkpoint';
import { parseLedgerSigningKey } from './ledger-signing';
import { ledgerReport, verifyLedger } from './ledger-verification';
import { headLeaf, merkleRoot } from './merkle';

const clock = { now: () => new Date('2026-11-28T00:00:00Z') };
const pagesOf = (events: readonly RecordedEvent[]) => (): AsyncIterable<readonly RecordedEvent[]> => ({
  [Symbol.asyncIterator]: () => [events][Symbol.iterator]() as unknown as AsyncIterator<readonly RecordedEvent[]>,
});

describe('ledger checkpoints', () => {
  it('builds a Merkle root that depends on every leaf and on their order', () => {
    const [a, b, c] = [headLeaf('a', 0, 'x'), headLeaf('b', 1, 'y'), headLeaf('c', 2, 'z')];
    expect(merkleRoot([])).toBe(createHash('sha256').digest('hex'));
    expect(merkleRoot([a])).toBe(a.toString('hex'));
    const inner = createHash('sha256').update(Buffer.from([1])).update(a).update(b).digest();
    expect(merkleRoot([a, b])).toBe(inner.toString('hex'));
    expect(merkleRoot([a, b, c])).toBe(createHash('sha256').update(Buffer.from([1])).update(inner).update(c).digest('hex'));
    expect(merkleRoot([b, a])).not.toBe(merkleRoot([a, b]));
  });

  it('refuses a signing key that is not 32 bytes of base64', () => {
    expect(() => parseLedgerSigningKey(undefined)).toThrow('LEDGER_SIGNING_KEY must be base64 of 32 random bytes');
    expect(() => parseLedgerSigningKey(randomBytes(16).toString('base64'))).toThrow('LEDGER_SIGNING_KEY');
  });

  it('holds on the untouched log and fails on a missing event, a changed head or a forged signature', async () => {
    const store = new InMemoryEventStore();
    for (const stream of ['team-1', 'team-2', 'village-1']) await store.appendToStream(stream, newEvents(3));
    const key = parseLedgerSigningKey(randomBytes(32).toString('base64'));
    await writeLedgerCheckpoint({ store, key, clock, ids: uuidv7Generator });
    await store.appendToStream('team-1', newEvents(2)); // after the checkpoint
    const log = await store.readAll();

    const good = await verifyLedger(pagesOf(log), key.publicKey, null);
    expect(ledgerReport(good).at(-1)).toBe('read 12 events, 1 checkpoints: all hold');

    const withoutOne = log.filter((e) => !(e.streamName === 'team-2' && e.revision === 1));
    expect((await verifyLedger(pagesOf(withoutOne), null, null)).checkpoints[0]?.problems).toEqual(['1 events missing (signed 9, found 8)']);

    const headCut = log.filter((e) => !(e.streamName === 'village-1' && e.revision === 2));
    expect((await verifyLedger(pagesOf(headCut), null, null)).checkpoints[0]?.problems).toEqual([
      '1 events missing (signed 9, found 8)',
      'Merkle root of stream heads differs: a stream or the head of a stream was deleted, added or changed',
    ]);

    const forged = log.map((e) => (e.type === 'LedgerCheckpointed' ? { ...e, data: { ...(e.data as object), eventCount: 8 } } : e));
    expect((await verifyLedger(pagesOf(forged), null, null)).checkpoints[0]?.problems).toContain('signature does not verify');
  });
});
