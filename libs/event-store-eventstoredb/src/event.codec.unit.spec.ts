import { chainEvents, verifyChain } from '@cdtt/event-sourcing';
import { newEvent, newEvents } from '@cdtt/event-sourcing/testing';
import type { RecordedEvent as ClientEvent } from '@eventstore/db-client';
import { fromClientEvent, isSystemEvent, toEventData, type ChainedEvent } from './event.codec';

/**
 * The codec alone, no server: what `toEventData` produces is JSON-encoded by the client (as its
 * append does) and decoded as its reads do, then must still verify as a hash chain. The real
 * round trip through EventStoreDB is the contract suite's job.
 */
function throughTheWire(event: ChainedEvent, revision: number): ClientEvent {
  const data = toEventData(event);
  return {
    streamId: event.streamName,
    id: data.id,
    isJson: true,
    revision: BigInt(revision),
    type: data.type,
    created: new Date(),
    data: JSON.parse(JSON.stringify(data.data)) as ClientEvent['data'],
    metadata: JSON.parse(JSON.stringify(data.metadata)) as ClientEvent['metadata'],
    position: { commit: BigInt(1_000 + revision), prepare: BigInt(1_000 + revision) },
  } as ClientEvent;
}

describe('EventStoreDB event codec', () => {
  it('round-trips the envelope so the chain still verifies', () => {
    const odd = newEvent('TeamEstablished', 'a bare string');
    const chained = chainEvents('team-1', { revision: null, hash: null }, [...newEvents(2), odd], '2025-07-01T00:00:00.000Z');
    const decoded = chained.map((event, index) => fromClientEvent(throughTheWire(event, index)));
    expect(verifyChain(decoded)).toMatchObject({ ok: true, count: 3 });
    expect(decoded[2]).toMatchObject({ data: 'a bare string', schemaVersion: 1, recordedAt: '2025-07-01T00:00:00.000Z' });
    expect(decoded[0]?.metadata).toEqual(chained[0]?.metadata);
    expect(decoded.map((event) => event.position)).toEqual([...decoded.map((event) => event.position)].sort());
  });

  it('follows EventStoreDB conventions for correlation and causation', () => {
    const [event] = chainEvents('team-1', { revision: null, hash: null }, [newEvent('X')], '2025-07-01T00:00:00.000Z');
    expect(toEventData(event!).metadata).toMatchObject({ $correlationId: event!.metadata.correlationId });
    expect(toEventData(event!).metadata).not.toHaveProperty('$causationId');
  });

  it('refuses events another writer stored without our envelope', () => {
    const foreign = { streamId: 'team-1', id: 'x', isJson: true, revision: 0n, type: 'X', data: {}, metadata: {} };
    expect(() => fromClientEvent(foreign as unknown as ClientEvent)).toThrow(/not written by this adapter/);
  });

  it('treats $-prefixed streams and types as system events', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamId: 'team-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'team-1', type: 'TeamEstablished' })).toBe(false);
  });
});
