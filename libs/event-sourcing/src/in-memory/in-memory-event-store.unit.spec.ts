import { InMemoryEventStore } from '@cdtt/event-sourcing';
import { describeEventStoreContract } from '@cdtt/event-sourcing/testing';

describeEventStoreContract('in-memory', () => {
  const store = new InMemoryEventStore();
  return Promise.resolve({
    store,
    // The same instance stands for a restart: in memory there is nothing else to reopen.
    reopen: () => Promise.resolve(store),
    tamper: (stream, revision, data) => store.tamper(stream, revision, data),
    teardown: () => store.close(),
  });
});
