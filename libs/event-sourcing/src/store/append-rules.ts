import type { NewEvent, RecordedEvent } from '../envelope/envelope';
import { canonicalJson } from '../audit/canonical-json';
import { isUuid } from '../ids/ids';
import { EventIdConflictError, InvalidAppendError } from './errors';

const STREAM_NAME = /^[A-Za-z][A-Za-z0-9_]*-[A-Za-z0-9_.:-]+$/;

/** Checks what every adapter must refuse before touching storage. */
export function validateAppend(streamName: string, events: readonly NewEvent[]): void {
  if (!STREAM_NAME.test(streamName)) {
    throw new InvalidAppendError(`Invalid stream name "${streamName}": expected <category>-<id>`);
  }
  if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
  const seen = new Set<string>();
  for (const event of events) {
    if (!isUuid(event.id)) throw new InvalidAppendError(`Event id "${event.id}" is not a UUID`);
    if (seen.has(event.id)) throw new InvalidAppendError(`Event id ${event.id} appears twice in one batch`);
    seen.add(event.id);
    if (!event.type || event.type.startsWith('$')) throw new InvalidAppendError(`Invalid event type "${event.type}"`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`Event ${event.id}: schemaVersion must be a positive integer`);
    }
  }
}

/** What idempotency compares: the caller's content, not what the store added. */
function contentOf(event: NewEvent | RecordedEvent): string {
  const { correlationId, causationId, actor, effectiveAt } = event.metadata;
  return canonicalJson({
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: { correlationId, causationId, actor, effectiveAt },
  });
}

/**
 * Decides whether a batch whose ids are (partly) stored already is a retry of the same append.
 * `stored` holds the already-recorded events found by id, in any order. Returns the recorded
 * events in batch order when it is a faithful retry; throws `EventIdConflictError` otherwise.
 */
export function matchRetry(
  streamName: string,
  batch: readonly NewEvent[],
  stored: readonly RecordedEvent[],
): RecordedEvent[] {
  const byId = new Map(stored.map((event) => [event.id, event]));
  const matched: RecordedEvent[] = [];
  for (const event of batch) {
    const previous = byId.get(event.id);
    if (!previous) {
      throw new EventIdConflictError(byId.keys().next().value ?? event.id, 'part of this batch was already appended');
    }
    if (previous.streamName !== streamName) {
      throw new EventIdConflictError(event.id, `it belongs to stream ${previous.streamName}`);
    }
    if (contentOf(previous) !== contentOf(event)) {
      throw new EventIdConflictError(event.id, 'the stored event has different content');
    }
    matched.push(previous);
  }
  for (let i = 1; i < matched.length; i += 1) {
    if ((matched[i]?.revision ?? 0) !== (matched[i - 1]?.revision ?? 0) + 1) {
      throw new EventIdConflictError(batch[i]?.id ?? '', 'the stored events were not appended as one batch');
    }
  }
  return matched;
}
