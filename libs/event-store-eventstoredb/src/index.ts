// Public surface of the EventStoreDB adapter. Nothing from @eventstore/db-client is exported:
// the rest of the code base sees only the kernel's EventStore port and these types.
export { EventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store.options';
export { EventStoreDbFailureError, EventStoreDbUnavailableError } from './eventstoredb.errors';
