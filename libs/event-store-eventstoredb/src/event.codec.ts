import type { RecordedEvent } from '@cdtt/event-sourcing';
import { jsonEvent, type EventData, type JSONType, type RecordedEvent as ClientEvent } from '@eventstore/db-client';
import { encodePosition } from './position.codec';

/**
 * What we keep in an EventStoreDB event's metadata: the caller's metadata and the audit chain
 * (prevHash, hash), plus the envelope fields EventStoreDB has no slot for. `recordedAt` comes
 * from our injected clock, not from the server's `created`, because the hash covers it and must
 * be computed before the write, exactly as the other adapters do. `$correlationId` and
 * `$causationId` follow EventStoreDB's own convention so its UI and system projections see them.
 */
interface StoredMetadata extends Record<string, unknown> {
  readonly schemaVersion: number;
  readonly recordedAt: string;
}

const STORAGE_ONLY_KEYS = ['schemaVersion', 'recordedAt', '$correlationId', '$causationId'] as const;

/** An event chained by the kernel, ready to be written. */
export type ChainedEvent = Omit<RecordedEvent, 'position'>;

export function toEventData(event: ChainedEvent): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === null ? {} : { $causationId: event.metadata.causationId }),
  };
  // The client JSON-encodes `data` whatever its shape, so any JSON value round-trips; the cast
  // only widens the client's narrower declared type.
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
}

/** System streams and types start with `$` in EventStoreDB; they are never ours. */
export function isSystemEvent(event: Pick<ClientEvent, 'streamId' | 'type'>): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** Maps a stored event back to the envelope, or fails loudly if another writer produced it. */
export function fromClientEvent(event: ClientEvent): RecordedEvent {
  const where = `event ${event.id} in ${event.streamId}@${event.revision}`;
  if (!event.isJson || !isStoredMetadata(event.metadata)) {
    throw new TypeError(`EventStoreDB ${where} was not written by this adapter (no envelope metadata)`);
  }
  if (!event.position) {
    throw new TypeError(`EventStoreDB returned ${where} without a log position (server older than 22.6?)`);
  }
  const stored: Record<string, unknown> = { ...event.metadata };
  for (const key of STORAGE_ONLY_KEYS) delete stored[key];
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.metadata.schemaVersion,
    data: event.data,
    metadata: stored as unknown as RecordedEvent['metadata'],
    streamName: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(event.position),
    recordedAt: event.metadata.recordedAt,
  };
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.schemaVersion === 'number' &&
    typeof candidate.recordedAt === 'string' &&
    typeof candidate.hash === 'string' &&
    typeof candidate.prevHash === 'string'
  );
}
