import type { EventStore, SubscribeOptions } from '../store/event-store.port';
import type { Upcasters } from './upcasters';

/**
 * The store as every reader should see it: events in their current shape. Wrapping once, where a
 * process opens its store, means deciders, projections and history queries cannot forget to
 * upcast. Writes pass through untouched; stored events are never rewritten.
 */
export function withUpcasting(store: EventStore, upcasters: Upcasters): EventStore {
  return {
    appendToStream: (streamName, events, options) => store.appendToStream(streamName, events, options),
    readStream: async (streamName, options) => (await store.readStream(streamName, options)).map((e) => upcasters.apply(e)),
    readAll: async (options) => (await store.readAll(options)).map((e) => upcasters.apply(e)),
    readAllOfTypes: async (options) => {
      const page = await store.readAllOfTypes(options);
      return { ...page, events: page.events.map((e) => upcasters.apply(e)) };
    },
    headPosition: () => store.headPosition(),
    subscribeToAll: (options: SubscribeOptions) =>
      store.subscribeToAll({ ...options, onEvent: (event) => options.onEvent(upcasters.apply(event)) }),
    close: () => store.close(),
  };
}
