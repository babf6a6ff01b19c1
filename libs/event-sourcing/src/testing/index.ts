// Test-only surface: the contract suite and fixtures. Never imported by production code.
export * from './event-store.contract';
export * from './fixtures';
