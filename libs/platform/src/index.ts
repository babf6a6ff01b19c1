// Public surface of the platform lib: configuration, database, health. Import via '@cdtt/platform'.
export * from './database/data-source';
