import type { MigrationInterface } from 'typeorm';
import { EventStore1764300000000 } from './1764300000000-event-store';
import { Projections1764300000100 } from './1764300000100-projections';
import { Idempotency1764300000500 } from './1764300000500-idempotency';
import { Geography1764300001000 } from './1764300001000-geography';
import { Teams1764300002000 } from './1764300002000-teams';
import { Security1764300003000 } from './1764300003000-security';
import { Fieldwork1764304000000 } from './1764304000000-fieldwork';
import { Reporting1764305000010 } from './1764305000010-reporting';
import { RegisteredOperations1764307000010 } from './1764307000010-registered-operations';
import { RateLimits1764307000020 } from './1764307000020-rate-limits';
import { AuditIndex1764306000010 } from './1764306000010-audit-index';
import { RecordedHistory1764306000020 } from './1764306000020-recorded-history';
import { Reorganisation1764308000001 } from './1764308000001-reorganisation';
import { TeamVisibleProvinces1764308000101 } from './1764308000101-team-visible-provinces';
import { HistoryWithoutEmptyVersions1764309000010 } from './1764309000010-history-without-empty-versions';
import { TeamListOrder1764310000010 } from './1764310000010-team-list-order';
import { TeamListByProvince1764311000010 } from './1764311000010-team-list-by-province';
import { CheckpointDataVersion1764312000010 } from './1764312000010-checkpoint-data-version';
import { ProjectionDeferredIndexes1764313000010 } from './1764313000010-projection-deferred-indexes';
import { RecordedHistoryClosingIndex1764314000010 } from './1764314000010-recorded-history-closing-index';
import { RecordedHistoryKeyIndexes1764314000020 } from './1764314000020-recorded-history-key-indexes';

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
  Fieldwork1764304000000,
  Reporting1764305000010,
  AuditIndex1764306000010,
  RecordedHistory1764306000020,
  RegisteredOperations1764307000010,
  RateLimits1764307000020,
  Reorganisation1764308000001,
  TeamVisibleProvinces1764308000101,
  HistoryWithoutEmptyVersions1764309000010,
  TeamListOrder1764310000010,
  TeamListByProvince1764311000010,
  CheckpointDataVersion1764312000010,
  ProjectionDeferredIndexes1764313000010,
  RecordedHistoryClosingIndex1764314000010,
  RecordedHistoryKeyIndexes1764314000020,
];
