// Public surface of the event-sourcing kernel. Import only from '@cdtt/event-sourcing'.
export * from './envelope/envelope';
export * from './store/expected-state';
export * from './store/errors';
export * from './store/event-store.port';
export { validateAppend, matchRetry } from './store/append-rules';
export { catchUpSubscription, abortableDelay, SubscriptionSet, type CatchUpSource } from './store/catch-up';
export { readStreamSlice } from './store/read-stream-slice';
export { readTypedPageByFiltering, typedPageOf } from './store/typed-page';
export { canonicalJson } from './audit/canonical-json';
export * from './audit/hash-chain';
export * from './ids/ids';
export * from './command/decider';
export * from './command/handle-command';
export * from './upcasting/upcasters';
export { withUpcasting } from './upcasting/upcasting-store';
export * from './projection/projection';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
