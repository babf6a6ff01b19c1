import type { EventStore, ReadAllOfTypesOptions, TypedPage } from './event-store.port';

/**
 * `readAllOfTypes` for a store that cannot filter where it keeps the events: one `readAll` page of
 * `maxCount`, filtered here. It may return fewer matches than `maxCount` before the head, which
 * `atHead` tells apart.
 */
export async function readTypedPageByFiltering(store: Pick<EventStore, 'readAll'>, options: ReadAllOfTypesOptions): Promise<TypedPage> {
  const page = await store.readAll({ after: options.after, maxCount: options.maxCount });
  const types = new Set(options.types);
  const last = page.at(-1);
  return {
    events: page.filter((event) => types.has(event.type)),
    through: last ? { position: last.position, recordedAt: last.recordedAt } : null,
    scanned: page.length,
    atHead: page.length < options.maxCount,
  };
}
