import type { Position, ReadAllOptions, RecordedEvent } from '@cdtt/event-sourcing';
import { END, START, type ReadPosition } from '@eventstore/db-client';
import { readAllRaw, type ClientContext } from './client-reads';
import { fromClientEvent, isSystemEvent } from './event.codec';
import { decodePosition, encodePosition } from './position.codec';

const MAX_PAGE = 1_000;
const HEAD_PAGE = 100;

/**
 * Reads `$all` strictly after `after`, without system events. The client 6.2.1 `readAll` has no
 * server-side filter, so we filter here and keep paging until `maxCount` of our events are in
 * hand or the log ends. Whether the server treats `fromPosition` as inclusive does not matter:
 * anything at or before the last position seen is dropped.
 */
export async function readAllAfter(ctx: ClientContext, options: ReadAllOptions): Promise<RecordedEvent[]> {
  const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
  const pageSize = Math.min(MAX_PAGE, Math.max(limit + 1, 64));
  const result: RecordedEvent[] = [];
  let floor: Position | undefined = options.after;
  let from: ReadPosition = options.after === undefined ? START : decodePosition(options.after);
  while (result.length < limit) {
    const page = await readAllRaw(ctx, { backwards: false, from, maxCount: pageSize });
    for (const event of page) {
      const position = encodePosition(event.position);
      if (floor !== undefined && position <= floor) continue;
      floor = position;
      if (isSystemEvent(event)) continue;
      result.push(fromClientEvent(event));
      if (result.length >= limit) break;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    from = last.position;
  }
  return result;
}

/** Position of the newest non-system event, found by paging `$all` backwards from its end. */
export async function readHeadPosition(ctx: ClientContext): Promise<Position | null> {
  let from: ReadPosition = END;
  let ceiling: Position | undefined;
  for (;;) {
    const page = await readAllRaw(ctx, { backwards: true, from, maxCount: HEAD_PAGE });
    for (const event of page) {
      const position = encodePosition(event.position);
      if (ceiling !== undefined && position >= ceiling) continue;
      if (!isSystemEvent(event)) return position;
      ceiling = position;
    }
    const last = page.at(-1);
    if (!last || page.length < HEAD_PAGE) return null;
    from = last.position;
  }
}
