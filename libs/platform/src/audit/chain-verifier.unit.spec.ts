import { chainEvents, verifyChain, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvents } from '@cdtt/event-sourcing/testing';
import { IncrementalChainVerifier, type LogVerification } from './chain-verifier';
import { parseExportLine } from './event-log-sources';
import { streamNameOf } from './stream-verification.resolver';
import { toGlobalId } from '../graphql/global-id';

/** Chained events of one stream, as a store would record them. */
function stream(name: string, count: number, firstPosition: number): RecordedEvent[] {
  return chainEvents(name, { revision: null, hash: null }, newEvents(count), '2026-11-28T10:00:00.000Z').map((event, index) => ({
    ...event,
    position: String(firstPosition + index).padStart(10, '0'),
  }));
}

/** Two streams interleaved, as `$all` returns them. */
function log(): RecordedEvent[] {
  const a = stream('team-a', 4, 0);
  const b = stream('person-b', 3, 100);
  return [a[0], b[0], a[1], a[2], b[1], a[3], b[2]].filter((e): e is RecordedEvent => e !== undefined);
}

function verify(events: readonly RecordedEvent[]): LogVerification {
  const verifier = new IncrementalChainVerifier();
  for (const event of events) verifier.accept(event);
  return verifier.result();
}

const replaceAt = (events: RecordedEvent[], index: number, change: (e: RecordedEvent) => RecordedEvent): RecordedEvent[] =>
  events.map((event, i) => (i === index ? change(event) : event));

describe('IncrementalChainVerifier', () => {
  it('accepts an untouched interleaved log, agreeing with verifyChain per stream', () => {
    const events = log();
    expect(verify(events)).toEqual({ streams: 2, events: 7, failures: [] });
    expect(verifyChain(events.filter((e) => e.streamName === 'team-a'))).toMatchObject({ ok: true, count: 4 });
  });

  it("names the stream, revision and event whose data was edited (HASH_MISMATCH)", () => {
    const events = log();
    const edited = replaceAt(events, 3, (e) => ({ ...e, data: { index: 99 } })); // team-a revision 2
    expect(verify(edited).failures).toEqual([{ streamName: 'team-a', firstBadRevision: 2, firstBadEventId: events[3]?.id, reason: 'HASH_MISMATCH' }]);
  });

  it('finds a deleted event as a revision gap at the next event', () => {
    const events = log();
    const deleted = events.filter((_, i) => i !== 2); // team-a revision 1
    expect(verify(deleted).failures).toEqual([{ streamName: 'team-a', firstBadRevision: 2, firstBadEventId: events[3]?.id, reason: 'REVISION_GAP' }]);
  });

  it('finds a deleted first event (the stream starts at revision 1)', () => {
    const events = log().filter((_, i) => i !== 1); // person-b revision 0
    expect(verify(events).failures).toMatchObject([{ streamName: 'person-b', firstBadRevision: 1, reason: 'REVISION_GAP' }]);
  });

  it('finds an event re-linked to another prevHash even when its own hash was recomputed', () => {
    const events = log();
    // A forger who renumbers after deleting revision 1 must re-link revision 2 to revision 0.
    const b = events[4]; // person-b revision 1
    const relinked = replaceAt(events, 4, (e) => ({ ...e, metadata: { ...e.metadata, prevHash: 'f'.repeat(64) } }));
    expect(verify(relinked).failures).toEqual([{ streamName: 'person-b', firstBadRevision: 1, firstBadEventId: b?.id, reason: 'PREV_HASH_MISMATCH' }]);
  });

  it('reports one failure per stream, the first, and keeps verifying the others', () => {
    const events = log();
    const edited = replaceAt(replaceAt(events, 0, (e) => ({ ...e, type: 'Forged' })), 2, (e) => ({ ...e, type: 'Forged' }));
    const result = verify(edited);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ streamName: 'team-a', firstBadRevision: 0 });
    expect(result).toMatchObject({ streams: 2, events: 7 });
  });
});

describe('export lines and stream ids', () => {
  it('parses an exported event back to the same event, and names a damaged line', () => {
    const event = log()[0];
    expect(parseExportLine(JSON.stringify(event), 1)).toEqual(event);
    expect(() => parseExportLine('{"id": 1}', 7)).toThrow('line 7: not a recorded event');
    expect(() => parseExportLine('{', 8)).toThrow('line 8: not JSON');
  });

  it('maps Team, Person and Village ids to their streams and takes other text as a stream name', () => {
    expect(streamNameOf(toGlobalId('Team', 'u1'))).toBe('team-u1');
    expect(streamNameOf(toGlobalId('Person', 'u2'))).toBe('person-u2');
    expect(streamNameOf(toGlobalId('Village', 'u3'))).toBe('village-u3');
    expect(streamNameOf(toGlobalId('ApiClient', 'u4'))).toBeNull();
    expect(streamNameOf('team-0190a0c0-0000-7000-8000-000000000000')).toBe('team-0190a0c0-0000-7000-8000-000000000000');
    expect(streamNameOf('')).toBeNull();
  });
});
