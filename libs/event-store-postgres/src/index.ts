// Public surface of the PostgreSQL event-store adapter. Import only via '@cdtt/event-store-postgres'.
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { CHANGE_CHANNEL } from './sql';
export { ChangeNotifier, listenClientsOf, type WakeUpFilter } from './change-notifier';
export { namedStatementsCheck, ownSessionPerConnection } from './named-statements';
export { quoteLiteral } from './literals';
