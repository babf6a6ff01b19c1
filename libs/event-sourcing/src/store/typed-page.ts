import type { RecordedEvent } from '../envelope/envelope';
import type { EventStore, ReadAllOfTypesOptions, TypedPage } from './event-store.port';

/** A `readAll` page of at most `maxCount` as a typed page: the events `keep` accepts, read through its last. */
export function typedPageOf(page: readonly RecordedEvent[], maxCount: number, keep: (event: RecordedEvent) => boolean = () => true): TypedPage {
  const last = page.at(-1);
  return {
    events: page.filter(keep),
    through: last ? { position: last.position, recordedAt: last.recordedAt } : null,
    scanned: page.length,
    atHead: page.length < maxCount,
  };
}

/**
 * `readAllOfTypes` for a store that cannot filter where it keeps the events: one `readAll` page of
 * `maxCount`, filtered here. It may return fewer matches than `maxCount` before the head, which
 * `atHead` tells apart.
 */
export async function readTypedPageByFiltering(store: Pick<EventStore, 'readAll'>, options: ReadAllOfTypesOptions): Promise<TypedPage> {
  const types = new Set(options.types);
  const page = await store.readAll({ after: options.after, maxCount: options.maxCount });
  return typedPageOf(page, options.maxCount, (event) => types.has(event.type));
}
