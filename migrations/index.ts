import type { MigrationInterface } from 'typeorm';
import { EventStore1764300000000 } from './1764300000000-event-store';
import { Projections1764300000100 } from './1764300000100-projections';
import { Idempotency1764300000500 } from './1764300000500-idempotency';
import { Geography1764300001000 } from './1764300001000-geography';
import { Teams1764300002000 } from './1764300002000-teams';
import { Security1764300003000 } from './1764300003000-security';

type MigrationClass = new () => MigrationInterface;

/**
 * Every migration, in order. TypeORM orders by the timestamp in the class name; keep this list in
 * the same order so reviews read top to bottom. Committed and reviewed like code.
 */
export const allMigrations: MigrationClass[] = [
  EventStore1764300000000,
  Projections1764300000100,
  Idempotency1764300000500,
  Geography1764300001000,
  Teams1764300002000,
  Security1764300003000,
];
