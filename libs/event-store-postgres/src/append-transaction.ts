import {
  chainEvents,
  InvalidAppendError,
  matchRetry,
  satisfies,
  WrongExpectedVersionError,
  type AppendResult,
  type Clock,
  type CurrentRevision,
  type ExpectedState,
  type NewEvent,
  type RecordedEvent,
} from '@cdtt/event-sourcing';
import { DatabaseError, type ClientBase } from 'pg';
import { appendResultOf, insertParameters, toRecordedEvent, withPositions, type EventRow, type InsertedRow } from './event-rows';
import {
  beginAndLockStream,
  INSERT_EVENTS_AND_NOTIFY,
  LOCK_STREAM,
  SELECT_BY_IDS,
  SELECT_HEAD,
  STREAM_LOCK_NAMESPACE,
  TRANSACTION_STATE,
} from './sql';

/** Just the query method: a pool client, a caller's client, or the pool itself all fit. */
export type Queryable = Pick<ClientBase, 'query'>;

export interface AppendOutcome {
  readonly result: AppendResult;
  /** False when the batch was a retry of stored events: nothing new to announce. */
  readonly appended: boolean;
}

interface StreamHead {
  readonly revision: CurrentRevision;
  readonly hash: string | null;
}

/**
 * The append protocol, inside a transaction the caller opened (and commits or rolls back):
 * refuse a transaction that already wrote, lock the stream, settle retries by id, check the
 * expected state, chain hashes from the head, insert the batch in one statement, NOTIFY.
 */
export async function appendInOpenTransaction(
  client: ClientBase,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedState,
  clock: Clock,
  /** `locked`: the adapter's own transaction, begun READ COMMITTED with the stream lock already taken (beginOwnAppend). */
  opened: 'by-caller' | 'locked' = 'by-caller',
): Promise<AppendOutcome> {
  if (opened === 'by-caller') {
    await refuseUnsafeTransaction(client);
    // Lock before any read: in READ COMMITTED each later statement takes a fresh snapshot, so it
    // sees what the previous holder of the lock committed. The transaction id is assigned by the
    // INSERT, after the lock, so within a stream transaction ids grow with revisions.
    await client.query(LOCK_STREAM, [STREAM_LOCK_NAMESPACE, streamName]);
  }
  // Idempotency first: a retry must succeed even though its expected state no longer holds.
  const known = await selectByIds(client, events);
  if (known.length > 0) return { result: appendResultOf(streamName, matchRetry(streamName, events, known)), appended: false };

  const head = await selectHead(client, streamName);
  if (!satisfies(expected, head.revision)) throw new WrongExpectedVersionError(streamName, expected, head.revision);
  const recordedAt = clock.now().toISOString();
  const chained = chainEvents(streamName, head, events, recordedAt);
  // The wake-up rides on the insert; delivered at commit only, a rolled-back append wakes nobody.
  const inserted = await insertEvents(client, streamName, chained, recordedAt);
  return { result: appendResultOf(streamName, withPositions(chained, inserted)), appended: true };
}

/**
 * Opens the adapter's own append transaction and takes the stream lock in one round trip: a
 * transaction just begun READ COMMITTED has written nothing, so the caller checks are moot. The
 * lock is the second statement of the message, so every later statement's snapshot follows it.
 */
export async function beginOwnAppend(client: ClientBase, streamName: string): Promise<void> {
  await client.query(beginAndLockStream(client.escapeLiteral(streamName)));
}

/**
 * A transaction that already holds an id got it before our stream lock: another writer could then
 * lock, append later revisions with a higher id and commit first, and `$all` (ordered by
 * transaction id) would show this stream out of order. Other isolation levels take their snapshot
 * before the lock and would read a stale head.
 */
async function refuseUnsafeTransaction(client: Queryable): Promise<void> {
  const { rows } = await client.query<{ wrote: boolean; isolation: string }>(TRANSACTION_STATE);
  const state = rows[0];
  if (state?.wrote !== false) {
    throw new InvalidAppendError(
      'Refusing to append in a transaction that already wrote: append first, or use its own transaction',
    );
  }
  if (state.isolation !== 'read committed') {
    throw new InvalidAppendError(`Appends need READ COMMITTED, not ${state.isolation}: the stream head is read after the lock`);
  }
}

export async function selectByIds(client: Queryable, events: readonly NewEvent[]): Promise<RecordedEvent[]> {
  const ids = events.map((event) => event.id);
  const { rows } = await client.query<EventRow>(SELECT_BY_IDS, [ids]);
  return rows.map(toRecordedEvent);
}

async function selectHead(client: Queryable, streamName: string): Promise<StreamHead> {
  const { rows } = await client.query<{ revision: string; hash: string }>(SELECT_HEAD, [streamName]);
  const head = rows[0];
  return head ? { revision: Number(head.revision), hash: head.hash } : { revision: null, hash: null };
}

async function insertEvents(
  client: Queryable,
  streamName: string,
  chained: ReadonlyArray<Omit<RecordedEvent, 'position'>>,
  recordedAt: string,
): Promise<InsertedRow[]> {
  try {
    const { rows } = await client.query<InsertedRow>(INSERT_EVENTS_AND_NOTIFY, insertParameters(streamName, chained, recordedAt));
    return rows;
  } catch (error) {
    // Class 22 (data exception): jsonb refuses "\u0000" and lone surrogates in strings.
    if (error instanceof DatabaseError && error.code?.startsWith('22')) {
      throw new InvalidAppendError(`PostgreSQL cannot store this batch: ${error.message}`);
    }
    throw error;
  }
}

/**
 * After a failed append was rolled back: a unique violation means another transaction committed
 * first. On event_id (no stream lock covers ids across streams) it is either a retry of the same
 * batch, answered with the stored result, or a conflict; on (stream, revision) someone bypassed or
 * outran the lock, which is a wrong expected version. Anything else is rethrown.
 */
export async function settleAppendFailure(
  client: Queryable,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedState,
  error: unknown,
): Promise<AppendResult> {
  if (!(error instanceof DatabaseError) || error.code !== '23505') throw error;
  if (error.constraint === 'events_event_id_key') {
    return appendResultOf(streamName, matchRetry(streamName, events, await selectByIds(client, events)));
  }
  if (error.constraint === 'events_stream_revision_key') {
    const head = await selectHead(client, streamName);
    throw new WrongExpectedVersionError(streamName, expected, head.revision);
  }
  throw error;
}
