import {
  canonicalJson,
  type AppendResult,
  type RecordedEvent,
  type RecordedMetadata,
  type TypedPage,
} from '@cdtt/event-sourcing';
import { encodePosition } from './positions';

/** A row as `sql.ts` selects it: every column as text. */
export interface EventRow {
  readonly id: string;
  readonly type: string;
  readonly schema_version: string;
  readonly data: string;
  readonly metadata: string;
  readonly stream_name: string;
  readonly revision: string;
  readonly tx_id: string;
  readonly global_position: string;
  readonly recorded_at: string;
}

/** A row of `READ_ALL_OF_TYPES`: a page event (or nulls when the page is empty) and how far it read. */
export type TypedPageRow = { [K in keyof EventRow]: EventRow[K] | null } & {
  readonly through_tx: string;
  readonly through_gp: string;
  readonly through_recorded_at: string;
  readonly at_head: boolean;
  readonly scanned: string;
};

export function toTypedPage(rows: readonly TypedPageRow[]): TypedPage {
  const first = rows[0];
  if (!first) return { events: [], through: null, scanned: 0, atHead: true };
  const events = rows.filter((row): row is TypedPageRow & EventRow => row.id !== null).map(toRecordedEvent);
  return {
    events,
    through: { position: encodePosition(first.through_tx, first.through_gp), recordedAt: first.through_recorded_at },
    scanned: Number(first.scanned),
    atHead: first.at_head,
  };
}

/** What INSERT ... RETURNING gives back for each appended row. */
export interface InsertedRow {
  readonly revision: string;
  readonly tx_id: string;
  readonly global_position: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedMetadata,
    streamName: row.stream_name,
    revision: Number(row.revision),
    position: encodePosition(row.tx_id, row.global_position),
    recordedAt: row.recorded_at,
  };
}

/**
 * Parameters of `INSERT_EVENTS`, one array per column. data and metadata are sent as canonical
 * JSON, the very text the hash covers: values with a custom toJSON (or anything else
 * JSON.stringify would render differently) cannot make a stored event disagree with its hash.
 */
export function insertParameters(
  streamName: string,
  chained: ReadonlyArray<Omit<RecordedEvent, 'position'>>,
  recordedAt: string,
): unknown[] {
  return [
    streamName,
    chained.map((event) => event.revision),
    chained.map((event) => event.id),
    chained.map((event) => event.type),
    chained.map((event) => event.schemaVersion),
    chained.map((event) => canonicalJson(event.data)),
    chained.map((event) => canonicalJson(event.metadata)),
    recordedAt,
  ];
}

/** Adds the positions INSERT ... RETURNING assigned, matched by revision. */
export function withPositions(
  chained: ReadonlyArray<Omit<RecordedEvent, 'position'>>,
  inserted: readonly InsertedRow[],
): RecordedEvent[] {
  const byRevision = new Map(inserted.map((row) => [Number(row.revision), row]));
  return chained.map((event) => {
    const row = byRevision.get(event.revision);
    if (!row) throw new Error(`unreachable: revision ${event.revision} was not returned by the insert`);
    return { ...event, position: encodePosition(row.tx_id, row.global_position) };
  });
}

export function appendResultOf(streamName: string, events: readonly RecordedEvent[]): AppendResult {
  const last = events.at(-1);
  if (!last) throw new Error('unreachable: empty append result');
  return { streamName, nextExpectedRevision: last.revision, position: last.position, events };
}
