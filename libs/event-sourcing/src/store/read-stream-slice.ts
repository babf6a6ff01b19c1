import type { RecordedEvent } from '../envelope/envelope';
import type { ReadStreamOptions } from './event-store.port';

/**
 * Applies direction, start revision, recorded-time bound and count to a stream held in memory.
 * Adapters that can push these into a query do so; this is the reference behaviour.
 */
export function readStreamSlice(stream: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const backwards = options.direction === 'backwards';
  const bound = options.recordedUpTo?.toISOString();
  let events = bound === undefined ? [...stream] : stream.filter((event) => event.recordedAt <= bound);
  const from = options.fromRevision;
  if (from !== undefined) {
    events = events.filter((event) => (backwards ? event.revision <= from : event.revision >= from));
  }
  if (backwards) events.reverse();
  return events.slice(0, options.maxCount ?? events.length);
}
