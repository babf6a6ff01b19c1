import {
  abortableDelay,
  catchUpSubscription,
  SubscriptionSet,
  chainEvents,
  readTypedPageByFiltering,
  satisfies,
  validateAppend,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type CurrentRevision,
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
import {
  EventStoreDBClient,
  NO_STREAM,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { readAllAfter, readHeadPosition } from './all-stream.reader';
import { withCallTimeout } from './call-timeout';
import { readStreamRaw, type ClientContext } from './client-reads';
import { fromClientEvent, toEventData } from './event.codec';
import { EventStoreDbFailureError, translateClientError } from './eventstoredb.errors';
import { resolveOptions, type EventStoreDbEventStoreOptions, type ResolvedOptions } from './eventstoredb-event-store.options';
import { findStoredBatch, readTail } from './stored-batch.finder';

/**
 * The EventStore port on EventStoreDB / KurrentDB (gRPC client 6.2.1). EventStoreDB already has
 * the port's semantics (expected revision, per-stream order, `$all`); this adapter adds what it
 * lacks: the audit chain (computed by the kernel before the write, so it is identical to the
 * other stores'), content-checked idempotency, a recorded time from our clock, and a deadline on
 * every call.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly ctx: ClientContext;
  private readonly options: ResolvedOptions;
  private readonly subscriptions = new SubscriptionSet();

  private constructor(client: EventStoreDBClient, options: EventStoreDbEventStoreOptions) {
    this.options = resolveOptions(options);
    this.ctx = { client, timeoutMs: this.options.callTimeoutMs };
  }

  /**
   * Builds a store from a connection string such as `esdb://localhost:2113?tls=false`. No I/O
   * happens here: the client dials on the first call, and that call is under the deadline.
   */
  static connect(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      // The client's ParseError points at the bad character; keep its text, not its class.
      throw new EventStoreDbFailureError(`Invalid EventStoreDB connection string: ${String(error)}`, { cause: error });
    }
    return new EventStoreDbEventStore(client, options);
  }

  async appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamName, events);
    const expected = options.expected ?? 'any';
    const window = Math.max(this.options.idempotencyWindow, events.length);
    for (let attempt = 1; ; attempt += 1) {
      const tail = await readTail(this.ctx, streamName, window);
      const stored = await findStoredBatch(this.ctx, streamName, events, expected, tail);
      if (stored.length > 0) return resultOf(streamName, stored);

      const head = tail[0];
      const current: CurrentRevision = head ? head.revision : null;
      if (!satisfies(expected, current)) throw new WrongExpectedVersionError(streamName, expected, current);
      const chained = chainEvents(streamName, { revision: current, hash: head?.metadata.hash ?? null }, events, this.now());
      const actual = await this.writeAt(streamName, current, chained.map(toEventData));
      if (actual === 'written') return resultOf(streamName, await this.readBack(streamName, current, events));
      // Another writer got in between our read and our write. The chain is linked to the head we
      // read, so we never fall back to an unchecked write: re-read and decide again. An exact
      // expectation then fails with the real actual revision; `any`/`stream_exists` re-chain.
      if (attempt >= this.options.maxAppendAttempts) throw new WrongExpectedVersionError(streamName, expected, actual);
    }
  }

  /** Writes at exactly the revision the chain was computed on; reports the server's view on a clash. */
  private async writeAt(
    streamName: string,
    current: CurrentRevision,
    data: ReturnType<typeof toEventData>[],
  ): Promise<'written' | CurrentRevision> {
    const operation = `appendToStream(${streamName})`;
    try {
      await withCallTimeout(operation, this.ctx.timeoutMs, () =>
        this.ctx.client.appendToStream(streamName, data, {
          expectedRevision: current === null ? NO_STREAM : BigInt(current),
        }),
      );
      return 'written';
    } catch (error) {
      if (!(error instanceof ClientWrongExpectedVersionError)) throw translateClientError(error, operation);
      return error.actualVersion === NO_STREAM ? null : Number(error.actualVersion);
    }
  }

  /**
   * Reads the events just written: the append reply carries one position for the whole write,
   * and every event needs its own, identical to what `readAll` will later report.
   */
  private async readBack(streamName: string, previous: CurrentRevision, batch: readonly NewEvent[]): Promise<RecordedEvent[]> {
    const from = BigInt((previous ?? -1) + 1);
    const raw = await readStreamRaw(this.ctx, streamName, { backwards: false, from, maxCount: batch.length });
    const events = raw.map(fromClientEvent);
    // Cannot differ after a successful exact-revision write unless the stream was deleted in
    // between; returning someone else's events as the result of this append would be worse.
    if (events.map((event) => event.id).join() !== batch.map((event) => event.id).join()) {
      throw new EventStoreDbFailureError(`Stream ${streamName} changed under a completed append`);
    }
    return events;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (options.maxCount === 0) return [];
    const bound = options.recordedUpTo?.toISOString();
    // With a time bound the count applies after filtering, so the server cannot cap the read.
    const serverCount = bound === undefined ? options.maxCount : undefined;
    const raw = await readStreamRaw(this.ctx, streamName, {
      backwards,
      from: options.fromRevision === undefined ? (backwards ? 'end' : 'start') : BigInt(options.fromRevision),
      ...(serverCount === undefined ? {} : { maxCount: serverCount }),
    });
    const events = raw.map(fromClientEvent);
    const visible = bound === undefined ? events : events.filter((event) => event.recordedAt <= bound);
    return visible.slice(0, options.maxCount ?? visible.length);
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllAfter(this.ctx, options);
  }

  /**
   * Filtered in this process: the server's own filtered `$all` read reports how far it got only
   * through checkpoint callbacks, so it is left for when a deployment's catch-up needs it.
   */
  readAllOfTypes(options: ReadAllOfTypesOptions): Promise<TypedPage> {
    return readTypedPageByFiltering(this, options);
  }

  headPosition(): Promise<Position | null> {
    return readHeadPosition(this.ctx);
  }

  /**
   * Polling catch-up over our own `readAll` (the kernel's `catchUpSubscription`) rather than the
   * client's native `subscribeToAll`: a native subscription is one long-lived gRPC stream, which
   * on this client can stall silently with no deadline we can put on it, while every poll here
   * is a bounded call that fails loudly with EventStoreTimeoutError. Polling also reuses exactly
   * the position encoding, system-event filtering and exclusive-checkpoint semantics of
   * `readAll`, so a restart resumes from the checkpoint with no loss or repeat. The cost is up
   * to `pollIntervalMs` of latency and one small read per idle interval.
   */
  subscribeToAll(options: SubscribeOptions): Subscription {
    const inner = catchUpSubscription(
      { readAll: (o) => this.readAll(o), waitForChange: (ms, signal) => abortableDelay(ms, signal) },
      options,
      this.options.pollIntervalMs,
    );
    return this.subscriptions.track(inner);
  }

  /** Stops this instance's subscriptions, then releases the client's streams. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    // Closing must succeed even when the server is gone: nothing useful can be done with the error.
    await withCallTimeout('dispose', this.ctx.timeoutMs, () => this.ctx.client.dispose()).catch(() => undefined);
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

function resultOf(streamName: string, events: RecordedEvent[]): AppendResult {
  const last = events.at(-1);
  if (!last) throw new Error('unreachable: an append result needs at least one event');
  return { streamName, nextExpectedRevision: last.revision, position: last.position, events };
}
