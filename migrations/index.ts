import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * Every migration, in order. TypeORM orders by the timestamp in the class name; keep this list in
 * the same order so reviews read top to bottom. Committed and reviewed like code.
 */
export const allMigrations: MigrationClass[] = [];
