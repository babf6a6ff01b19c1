import { matchRetry, type ExpectedState, type NewEvent, type RecordedEvent } from '@cdtt/event-sourcing';
import { readStreamRaw, type ClientContext } from './client-reads';
import { fromClientEvent } from './event.codec';

/** The newest events of a stream, newest first; the first one is the head the batch chains onto. */
export async function readTail(ctx: ClientContext, streamName: string, count: number): Promise<RecordedEvent[]> {
  const raw = await readStreamRaw(ctx, streamName, { backwards: true, from: 'end', maxCount: count });
  return raw.map(fromClientEvent);
}

/**
 * Finds a previous append of (part of) this batch, for idempotency. EventStoreDB has no global
 * id index we can query, and its own deduplication ignores content, so we look where a retry
 * can be:
 * - in the tail we already read (the usual case: the client retried right after a timeout);
 * - for an exact or `no_stream` expectation, at the revisions right after the expected one,
 *   where the original append must have landed, however far back that is now.
 * A retry of an `any`/`stream_exists` append buried deeper than the tail window is not seen, and
 * an id used in another stream never is (EventStoreDB deduplicates per stream only).
 * Returns [] when the batch is new; otherwise the original events, or EventIdConflictError.
 */
export async function findStoredBatch(
  ctx: ClientContext,
  streamName: string,
  batch: readonly NewEvent[],
  expected: ExpectedState,
  tail: readonly RecordedEvent[],
): Promise<RecordedEvent[]> {
  const ids = new Set(batch.map((event) => event.id));
  let found = tail.filter((event) => ids.has(event.id));
  const start = expected === 'no_stream' ? 0 : typeof expected === 'number' ? expected + 1 : undefined;
  const oldestInTail = tail.at(-1)?.revision ?? 0;
  if (found.length === 0 && start !== undefined && start < oldestInTail) {
    found = (await readRange(ctx, streamName, start, batch.length)).filter((event) => ids.has(event.id));
  }
  if (found.length === 0) return [];
  if (found.length < batch.length) found = await widen(ctx, streamName, batch, found);
  return matchRetry(streamName, batch, found);
}

/**
 * A batch seen only partly may straddle the edge of the tail window: read the neighbourhood of
 * what was found so matchRetry judges the whole batch, not a window artefact.
 */
async function widen(
  ctx: ClientContext,
  streamName: string,
  batch: readonly NewEvent[],
  found: readonly RecordedEvent[],
): Promise<RecordedEvent[]> {
  const ids = new Set(batch.map((event) => event.id));
  const lowest = Math.min(...found.map((event) => event.revision));
  const from = Math.max(0, lowest - batch.length + 1);
  const around = await readRange(ctx, streamName, from, 2 * batch.length);
  return around.filter((event) => ids.has(event.id));
}

async function readRange(ctx: ClientContext, streamName: string, from: number, count: number): Promise<RecordedEvent[]> {
  const raw = await readStreamRaw(ctx, streamName, { backwards: false, from: BigInt(from), maxCount: count });
  return raw.map(fromClientEvent);
}
