import { EventEmitter } from 'node:events';
import type { NewEvent, RecordedEvent } from '../envelope/envelope';
import { chainEvents } from '../audit/hash-chain';
import { systemClock, type Clock } from '../ids/ids';
import { matchRetry, validateAppend } from '../store/append-rules';
import { abortableDelay, catchUpSubscription } from '../store/catch-up';
import { WrongExpectedVersionError } from '../store/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOfTypesOptions,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  TypedPage,
} from '../store/event-store.port';
import { satisfies } from '../store/expected-state';
import { readStreamSlice } from '../store/read-stream-slice';

/** Position encoding: a zero-padded counter, so string order is numeric order. */
const encodePosition = (index: number): string => index.toString().padStart(16, '0');

/**
 * A complete store in memory: for unit tests and for demonstrating the contract. Single process,
 * nothing persisted; `tamper` exists only so the contract suite can prove the chain catches edits.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly changes = new EventEmitter();

  constructor(private readonly clock: Clock = systemClock) {
    this.changes.setMaxListeners(0);
  }

  appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return Promise.resolve().then(() => this.appendNow(streamName, events, options));
  }

  private appendNow(streamName: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    validateAppend(streamName, events);
    const known = events.map((event) => this.byId.get(event.id)).filter((e): e is RecordedEvent => !!e);
    if (known.length > 0) return this.resultOf(streamName, matchRetry(streamName, events, known));

    const stream = this.streams.get(streamName) ?? [];
    const last = stream.at(-1);
    const current = last ? last.revision : null;
    const expected = options.expected ?? 'any';
    if (!satisfies(expected, current)) throw new WrongExpectedVersionError(streamName, expected, current);

    const chained = chainEvents(streamName, { revision: current, hash: last?.metadata.hash ?? null }, events, this.clock.now().toISOString());
    const recorded: RecordedEvent[] = [];
    for (const event of chained) {
      const withPosition = { ...event, position: encodePosition(this.log.length + 1) };
      this.log.push(withPosition);
      recorded.push(withPosition);
    }
    this.streams.set(streamName, [...stream, ...recorded]);
    for (const event of recorded) this.byId.set(event.id, event);
    this.changes.emit('appended');
    return this.resultOf(streamName, recorded);
  }

  private resultOf(streamName: string, events: RecordedEvent[]): AppendResult {
    const last = events.at(-1);
    if (!last) throw new Error('unreachable: empty append result');
    return { streamName, nextExpectedRevision: last.revision, position: last.position, events };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return Promise.resolve(readStreamSlice(this.streams.get(streamName) ?? [], options));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    const from = after === undefined ? this.log : this.log.filter((event) => event.position > after);
    return Promise.resolve(from.slice(0, options.maxCount ?? from.length));
  }

  /** Reads on until `maxCount` matches or the end, as a server-side filter would. */
  readAllOfTypes(options: ReadAllOfTypesOptions): Promise<TypedPage> {
    const after = options.after;
    const types = new Set(options.types);
    const events: RecordedEvent[] = [];
    let scanned = 0;
    let through: RecordedEvent | undefined;
    for (const event of this.log) {
      if (after !== undefined && event.position <= after) continue;
      if (events.length >= options.maxCount) break;
      scanned += 1;
      through = event;
      if (types.has(event.type)) events.push(event);
    }
    // The loop stops early only at maxCount matches; fewer means it read to the end.
    return Promise.resolve({ events, through: through ? { position: through.position, recordedAt: through.recordedAt } : null, scanned, atHead: events.length < options.maxCount });
  }

  headPosition(): Promise<string | null> {
    return Promise.resolve(this.log.at(-1)?.position ?? null);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAll: (o) => this.readAll(o),
        waitForChange: (timeoutMs, signal) => {
          const inner = new AbortController();
          const wake = (): void => inner.abort();
          this.changes.once('appended', wake);
          signal.addEventListener('abort', wake);
          return abortableDelay(timeoutMs, inner.signal).finally(() => {
            this.changes.off('appended', wake);
            signal.removeEventListener('abort', wake);
          });
        },
      },
      options,
      50,
    );
  }

  /** Test hook: overwrite an event's data in place, as an attacker with table access would. */
  tamper(streamName: string, revision: number, data: unknown): Promise<void> {
    const stream = this.streams.get(streamName) ?? [];
    const index = stream.findIndex((event) => event.revision === revision);
    const original = stream[index];
    if (!original) throw new Error(`No event ${streamName}@${revision}`);
    stream[index] = { ...original, data };
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.changes.removeAllListeners();
    return Promise.resolve();
  }
}
