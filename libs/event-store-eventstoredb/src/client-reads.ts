import {
  BACKWARDS,
  FORWARDS,
  StreamNotFoundError,
  type EventStoreDBClient,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent as ClientEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { withCallTimeout } from './call-timeout';
import { translateClientError } from './eventstoredb.errors';

/** The client plus the deadline every call must run under. */
export interface ClientContext {
  readonly client: EventStoreDBClient;
  readonly timeoutMs: number;
}

export interface RawStreamRead {
  readonly backwards: boolean;
  readonly from: ReadRevision;
  readonly maxCount?: number;
}

export interface RawAllRead {
  readonly backwards: boolean;
  readonly from: ReadPosition;
  readonly maxCount: number;
}

/** An event read from `$all`, where the server always sends the log position. */
export type PositionedEvent = ClientEvent & { readonly position: NonNullable<ClientEvent['position']> };

/** Reads one stream as raw client events; a stream that does not exist reads as empty. */
export async function readStreamRaw(ctx: ClientContext, streamName: string, read: RawStreamRead): Promise<ClientEvent[]> {
  try {
    return await drain(ctx, `readStream(${streamName})`, () =>
      ctx.client.readStream(streamName, {
        direction: read.backwards ? BACKWARDS : FORWARDS,
        fromRevision: read.from,
        ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount }),
      }),
    );
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw translateClientError(error, `readStream(${streamName})`);
  }
}

/** Reads one page of `$all` (system events included: callers filter them). */
export async function readAllRaw(ctx: ClientContext, read: RawAllRead): Promise<PositionedEvent[]> {
  try {
    const events = await drain(ctx, 'readAll', () =>
      ctx.client.readAll({
        direction: read.backwards ? BACKWARDS : FORWARDS,
        fromPosition: read.from,
        maxCount: read.maxCount,
      }),
    );
    return events.filter((event): event is PositionedEvent => event.position !== undefined);
  } catch (error) {
    throw translateClientError(error, 'readAll');
  }
}

/**
 * Collects a streaming read under the call deadline. On timeout the gRPC stream is cancelled
 * and destroyed so it holds nothing open. Link-only entries (no `event`) are not ours and are
 * dropped: we never read with link resolution.
 */
async function drain(
  ctx: ClientContext,
  operation: string,
  open: () => StreamingRead<{ event?: ClientEvent | undefined }>,
): Promise<ClientEvent[]> {
  let stream: StreamingRead<{ event?: ClientEvent | undefined }> | undefined;
  return withCallTimeout(
    operation,
    ctx.timeoutMs,
    async () => {
      stream = open();
      const events: ClientEvent[] = [];
      for await (const resolved of stream as AsyncIterable<{ event?: ClientEvent }>) {
        if (resolved.event) events.push(resolved.event);
      }
      return events;
    },
    () => {
      // cancel() waits for the gRPC call to exist, which may never happen on a silent server:
      // fire it without waiting, and destroy our side so the iterator ends now.
      stream?.cancel().catch(() => undefined);
      stream?.destroy();
    },
  );
}
