import {
  catchUpSubscription,
  SubscriptionSet,
  InvalidAppendError,
  systemClock,
  validateAppend,
  type AppendOptions,
  type AppendResult,
  type Clock,
  type EventStore,
  type NewEvent,
  type Position,
  type ReadAllOfTypesOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type TypedPage,
} from '@cdtt/event-sourcing';
import { DatabaseError, type ClientBase, type Pool } from 'pg';
import { appendInOpenTransaction, appendOnKnownHead, beginOwnAppend, knownHeadOf, settleAppendFailure, type AppendOutcome } from './append-transaction';
import { ChangeNotifier, listenClientsOf } from './change-notifier';
import { toRecordedEvent, toTypedPage, type EventRow, type TypedPageRow } from './event-rows';
import { decodePosition, encodePosition, LOG_START } from './positions';
import { namedStatementsCheck } from './named-statements';
import { HEAD_POSITION, READ_ALL, READ_ALL_OF_TYPES, READ_STREAM_BACKWARDS, READ_STREAM_FORWARDS, type NamedStatement } from './sql';

export interface PostgresEventStoreOptions {
  /** Source of `recordedAt`; defaults to the system clock. */
  readonly clock?: Clock;
  /**
   * 'listen' (default) wakes subscriptions by LISTEN/NOTIFY on one extra, dedicated connection;
   * 'poll' opens none (the embedded PGlite does not deliver notifications across connections).
   * Either way this instance's own appends wake its subscriptions at once, and polling remains.
   */
  readonly notifications?: 'listen' | 'poll';
  /** How long an idle subscription waits before reading again without a wake-up. */
  readonly pollIntervalMs?: number;
  /** How many events one `readAllOfTypes` walks at most (default 20,000; at least its `maxCount`). */
  readonly typedReadWindow?: number;
  /** Told when the LISTEN connection fails; subscriptions carry on by polling. */
  readonly onListenError?: (error: unknown) => void;
}

/**
 * How many events one `readAllOfTypes` walks at most: enough that a dense projection fills its
 * page in one read, small enough that a read for rare types stays a few tens of milliseconds.
 */
const TYPED_READ_WINDOW = 20_000;

/** Savepoint that keeps a caller's transaction usable when an append inside it fails. */
const SAVEPOINT = 'cdtt_event_store_append';

/**
 * The PostgreSQL event store. It shares the process's pg Pool (owned by the caller, never ended
 * here) and is gap-safe: `$all` is ordered by (transaction id, global position) and only shows
 * transactions below the oldest one still running, so a late commit is waited for, never skipped.
 */
export class PostgresEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly typedReadWindow: number;
  private readonly notifier: ChangeNotifier;
  /** Whether named prepared statements are safe on this database (not PGlite); asked on first read. */
  private readonly namesWork: () => Promise<boolean>;
  private readonly subscriptions = new SubscriptionSet();

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.typedReadWindow = options.typedReadWindow ?? TYPED_READ_WINDOW;
    this.namesWork = namedStatementsCheck(pool);
    const listen = (options.notifications ?? 'listen') === 'listen';
    const onListenError =
      options.onListenError ??
      ((error: unknown) => console.warn('[event-store-postgres] LISTEN failed, polling instead:', error));
    this.notifier = new ChangeNotifier(listen ? listenClientsOf(pool, 'listen', 'cdtt-event-store') : null, onListenError);
  }

  /** Appends in a transaction of its own, committed before it resolves. */
  async appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamName, events);
    const expected = options.expected ?? 'any';
    const client = await this.pool.connect();
    let outcome: AppendOutcome;
    try {
      // A head the caller knows: one round trip, unless it proves not to be the head.
      const head = knownHeadOf(expected, options.expectedHash);
      const quick = head && (await appendOnKnownHead(client, streamName, events, head, this.clock));
      if (quick) {
        outcome = { result: quick, appended: true, committed: true };
      } else {
        // Explicit READ COMMITTED (the server's default may be another level), with the stream lock.
        const reads = await beginOwnAppend(client, streamName, events);
        outcome = await appendInOpenTransaction(client, streamName, events, expected, this.clock, reads);
        if (!outcome.committed) await client.query('COMMIT');
      }
    } catch (error) {
      const healthy = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(!healthy);
      return settleAppendFailure(this.pool, streamName, events, expected, error);
    }
    client.release();
    if (outcome.appended) this.notifier.ring();
    return outcome.result;
  }

  /**
   * Appends inside the caller's open transaction (after BEGIN, before any write of its own), so
   * events commit atomically with it. Refuses a transaction that already wrote. On failure the
   * append is rolled back to a savepoint and the caller's transaction stays usable. Subscribers
   * learn of it by NOTIFY at the caller's commit (or by polling), not by the local emitter.
   */
  async appendInTransaction(
    client: ClientBase,
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    validateAppend(streamName, events);
    const expected = options.expected ?? 'any';
    await openSavepoint(client);
    try {
      const { result } = await appendInOpenTransaction(client, streamName, events, expected, this.clock);
      await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return result;
    } catch (error) {
      // If even this fails the connection is gone; the original error says more.
      await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`).catch(() => {
        throw error;
      });
      return settleAppendFailure(client, streamName, events, expected, error);
    }
  }

  /** Reads committed events of one stream; filters, order and count run in SQL. */
  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const statement = options.direction === 'backwards' ? READ_STREAM_BACKWARDS : READ_STREAM_FORWARDS;
    const { rows } = await this.pool.query<EventRow>({
      ...(await this.prepared(statement)),
      values: [streamName, options.fromRevision ?? null, options.recordedUpTo?.toISOString() ?? null, options.maxCount ?? null],
    });
    return rows.map(toRecordedEvent);
  }

  /** Reads `$all` strictly after a position, stopping before any transaction still in flight. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.after === undefined ? LOG_START : decodePosition(options.after);
    const { rows } = await this.pool.query<EventRow>({ ...(await this.prepared(READ_ALL)), values: [from.txId, from.globalPosition, options.maxCount ?? null] });
    return rows.map(toRecordedEvent);
  }

  /** Filtered in the server: events of other types are counted there, never sent or parsed. */
  async readAllOfTypes(options: ReadAllOfTypesOptions): Promise<TypedPage> {
    if (!(Number.isSafeInteger(options.maxCount) && options.maxCount > 0)) throw new RangeError('readAllOfTypes needs a positive maxCount');
    const from = options.after === undefined ? LOG_START : decodePosition(options.after);
    const window = Math.max(this.typedReadWindow, options.maxCount);
    const { rows } = await this.pool.query<TypedPageRow>({
      ...(await this.prepared(READ_ALL_OF_TYPES)),
      values: [from.txId, from.globalPosition, options.maxCount, [...options.types], window],
    });
    return toTypedPage(rows);
  }

  /** The last position `readAll` can return now (same visibility rule). */
  async headPosition(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ tx_id: string; global_position: string }>(HEAD_POSITION);
    const head = rows[0];
    return head ? encodePosition(head.tx_id, head.global_position) : null;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const inner = catchUpSubscription(
      {
        readAll: (readOptions) => this.readAll(readOptions),
        waitForChange: (timeoutMs, signal) => this.notifier.waitForChange(timeoutMs, signal),
      },
      options,
      this.pollIntervalMs,
    );
    return this.subscriptions.track(inner);
  }

  /** Stops this instance's subscriptions and its LISTEN connection; the pool stays the caller's. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.notifier.close();
  }

  /** The statement as a named prepared statement, or unnamed on PGlite (`namedStatementsCheck`). */
  private async prepared(statement: NamedStatement): Promise<{ name?: string; text: string }> {
    return (await this.namesWork()) ? statement : { text: statement.text };
  }
}

/** Opens the append's savepoint; fails with a clear error when no transaction is open. */
async function openSavepoint(client: ClientBase): Promise<void> {
  try {
    await client.query(`SAVEPOINT ${SAVEPOINT}`);
  } catch (error) {
    if (error instanceof DatabaseError && error.code === '25P01') {
      throw new InvalidAppendError('appendInTransaction needs an open transaction (BEGIN first)');
    }
    throw error;
  }
}
