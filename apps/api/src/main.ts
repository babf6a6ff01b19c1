import { InMemoryEventStore } from '@cdtt/event-sourcing';
console.log(typeof InMemoryEventStore);
