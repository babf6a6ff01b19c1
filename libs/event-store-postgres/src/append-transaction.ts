import {
  canonicalJson,
  chainEvents,
  EventStoreError,
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
import { DatabaseError, type ClientBase, type QueryResult } from 'pg';
import { quoteLiteral } from './literals';
import { appendResultOf, insertParameters, toRecordedEvent, withPositions, type EventRow, type InsertedRow } from './event-rows';
import {
  beginLockAndRead,
  INSERT_EVENTS_AND_NOTIFY,
  insertNotifyAndCommit,
  lockInsertNotifyAndCommit,
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
  /** True when the insert's message also committed (the adapter's own transaction); else the caller commits. */
  readonly committed: boolean;
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
  /** What `beginOwnAppend` read in the adapter's own transaction, begun READ COMMITTED with the stream lock taken. */
  opened: 'by-caller' | LockedReads = 'by-caller',
): Promise<AppendOutcome> {
  const own = opened !== 'by-caller';
  const { known, head } = own ? opened : await lockAndRead(client, streamName, events);
  // Idempotency first: a retry must succeed even though its expected state no longer holds.
  if (known.length > 0) return { result: appendResultOf(streamName, matchRetry(streamName, events, known)), appended: false, committed: false };
  if (!satisfies(expected, head.revision)) throw new WrongExpectedVersionError(streamName, expected, head.revision);
  const recordedAt = clock.now().toISOString();
  const chained = chainEvents(streamName, head, events, recordedAt);
  // The wake-up rides on the insert; delivered at commit only, a rolled-back append wakes nobody.
  const inserted = await storeEvents(() => (own ? insertAndCommit(client, streamName, chained, recordedAt) : insertEvents(client, streamName, chained, recordedAt)));
  return { result: appendResultOf(streamName, withPositions(chained, inserted)), appended: true, committed: own };
}

/** The batch's events already stored (a retry) and the stream head, read under the stream lock. */
export interface LockedReads {
  readonly known: RecordedEvent[];
  readonly head: StreamHead;
}

/** In a caller's transaction: check it is safe, lock the stream, then read (three round trips). */
async function lockAndRead(client: ClientBase, streamName: string, events: readonly NewEvent[]): Promise<LockedReads> {
  await refuseUnsafeTransaction(client);
  // Lock before any read: in READ COMMITTED each later statement takes a fresh snapshot, so it
  // sees what the previous holder of the lock committed. The transaction id is assigned by the
  // INSERT, after the lock, so within a stream transaction ids grow with revisions.
  await client.query(LOCK_STREAM, [STREAM_LOCK_NAMESPACE, streamName]);
  return { known: await selectByIds(client, events), head: await selectHead(client, streamName) };
}

/**
 * Opens the adapter's own append transaction, takes the stream lock and reads what the append
 * needs, in one round trip: a transaction just begun READ COMMITTED has written nothing, so the
 * caller checks are moot. The values go as escaped literals (the simple protocol has no
 * parameters); validateAppend has already checked the ids are UUIDs and the stream name's form.
 */
export async function beginOwnAppend(client: ClientBase, streamName: string, events: readonly NewEvent[]): Promise<LockedReads> {
  const ids = quoteLiteral(`{${events.map((event) => event.id).join(',')}}`);
  // Four statements answer with four results; the pg typings know only the single-statement shape.
  const results = (await client.query(beginLockAndRead(quoteLiteral(streamName), ids))) as unknown as QueryResult[];
  const [, , retried, head] = results;
  if (!retried || !head) throw new Error(`The append's opening message returned ${results.length} results instead of 4`);
  const stored = (retried.rows[0] as { retried: boolean } | undefined)?.retried === true;
  return { known: stored ? await selectByIds(client, events) : [], head: headOf(head.rows as HeadRow[]) };
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

interface HeadRow {
  readonly revision: string | null;
  readonly hash: string | null;
}

const EMPTY_HEAD: StreamHead = { revision: null, hash: null };

async function selectHead(client: Queryable, streamName: string): Promise<StreamHead> {
  const { rows } = await client.query<HeadRow>(SELECT_HEAD, [streamName]);
  return headOf(rows);
}

function headOf(rows: readonly HeadRow[]): StreamHead {
  const head = rows[0];
  return head && head.revision !== null ? { revision: Number(head.revision), hash: head.hash } : EMPTY_HEAD;
}

type ChainedEvents = ReadonlyArray<Omit<RecordedEvent, 'position'>>;

/** In a caller's transaction: the batch in one parameterised statement; the caller commits. */
async function insertEvents(client: Queryable, streamName: string, chained: ChainedEvents, recordedAt: string): Promise<InsertedRow[]> {
  const { rows } = await client.query<InsertedRow>(INSERT_EVENTS_AND_NOTIFY, insertParameters(streamName, chained, recordedAt));
  return rows;
}

/**
 * In the adapter's own transaction: INSERT, COMMIT and the wake-up as one simple-protocol message,
 * so an append is two round trips (this and beginOwnAppend) instead of five. The simple protocol
 * has no parameters: every value is quoted as the driver's escapeLiteral would (`quoteLiteral`).
 * If the INSERT fails the server skips the rest of the message, COMMIT included, and the caller
 * rolls back as before.
 */
async function insertAndCommit(client: ClientBase, streamName: string, chained: ChainedEvents, recordedAt: string): Promise<InsertedRow[]> {
  // Three statements answer with three results; the pg typings know only the single-statement shape.
  const results = (await client.query(insertNotifyAndCommit(literalRowsOf(streamName, chained, recordedAt)))) as unknown as QueryResult[];
  const inserted = results[0];
  if (!inserted || results.length !== 3) throw new Error(`The append's insert message returned ${results.length} results instead of 3`);
  return inserted.rows as InsertedRow[];
}

/** The batch as rows of escaped literals for a VALUES list, in revision order. */
function literalRowsOf(streamName: string, chained: ChainedEvents, recordedAt: string): string {
  const rows = chained.map((event) =>
    [
      quoteLiteral(streamName),
      `${quoteLiteral(String(event.revision))}::bigint`,
      `${quoteLiteral(event.id)}::uuid`,
      quoteLiteral(event.type),
      `${quoteLiteral(String(event.schemaVersion))}::int`,
      `${quoteLiteral(canonicalJson(event.data))}::jsonb`,
      `${quoteLiteral(canonicalJson(event.metadata))}::jsonb`,
      `${quoteLiteral(recordedAt)}::timestamptz`,
    ].join(', '),
  );
  return rows.map((row) => `(${row})`).join(',\n');
}

/**
 * The head an expectation pins down, when it does: none for `no_stream`, or an exact revision
 * whose hash the caller read. Other expectations need the head read under the lock.
 */
export function knownHeadOf(expected: ExpectedState, expectedHash: string | undefined): StreamHead | null {
  if (expected === 'no_stream') return EMPTY_HEAD;
  if (typeof expected === 'number' && expectedHash !== undefined) return { revision: expected, hash: expectedHash };
  return null;
}

/**
 * The append in one round trip when the head is known: the events are chained from it and
 * inserted after the stream lock, in one message that also commits. Resolves null, with nothing
 * written, when the head was not as known: the stream moved on (or this batch is a retry of
 * stored events), or the known revision has another hash. The message then inserted no row and
 * committed an empty transaction, and the caller runs the full protocol, which tells a retry, a
 * conflict and a moved head apart as before. A unique violation (an id used in another stream, or
 * a writer that bypassed the lock) also resolves null, after a rollback. Any other failure rejects
 * with the transaction open, for the caller to roll back.
 */
export async function appendOnKnownHead(
  client: ClientBase,
  streamName: string,
  events: readonly NewEvent[],
  head: StreamHead,
  clock: Clock,
): Promise<AppendResult | null> {
  const recordedAt = clock.now().toISOString();
  const chained = chainEvents(streamName, head, events, recordedAt);
  const known = head.revision === null ? null : { escapedRevision: quoteLiteral(String(head.revision)), escapedHash: quoteLiteral(head.hash ?? '') };
  const message = lockInsertNotifyAndCommit(quoteLiteral(streamName), literalRowsOf(streamName, chained, recordedAt), known);
  let results: QueryResult[];
  try {
    // Five statements answer with five results; the pg typings know only the single-statement shape.
    results = (await storeEvents(async () => (await client.query(message)) as unknown as QueryResult[]));
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === '23505')) throw error;
    await client.query('ROLLBACK');
    return null;
  }
  const inserted = results[2];
  if (!inserted || results.length !== 5) throw new Error(`The append's message returned ${results.length} results instead of 5`);
  // No rows: the head was not the known one, and the message committed an empty transaction.
  if (inserted.rows.length !== chained.length) return null;
  return appendResultOf(streamName, withPositions(chained, inserted.rows as InsertedRow[]));
}

/** Runs an insert, turning what jsonb refuses into a coded error. */
async function storeEvents<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
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
 * outran the lock, which is a wrong expected version. The store's own refusals are rethrown.
 * Any other failure may have come after the COMMIT (the wake-up runs after it in the same
 * message) or lost its answer: if the batch is stored, it is answered as a retry would be.
 */
export async function settleAppendFailure(
  client: Queryable,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedState,
  error: unknown,
): Promise<AppendResult> {
  if (error instanceof EventStoreError) throw error;
  if (!(error instanceof DatabaseError) || error.code !== '23505') {
    const stored = await selectByIds(client, events).catch(() => []);
    if (stored.length !== events.length) throw error;
    return appendResultOf(streamName, matchRetry(streamName, events, stored));
  }
  if (error.constraint === 'events_event_id_key') {
    return appendResultOf(streamName, matchRetry(streamName, events, await selectByIds(client, events)));
  }
  if (error.constraint === 'events_stream_revision_key') {
    const head = await selectHead(client, streamName);
    throw new WrongExpectedVersionError(streamName, expected, head.revision);
  }
  throw error;
}
