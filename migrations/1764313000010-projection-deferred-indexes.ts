import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Query-only indexes a projection dropped while it catches up from the start of the log, with
 * their definitions as PostgreSQL printed them (ADR 0025). The drop and this row commit together,
 * and a row is deleted in the transaction that builds its index again: after any crash the table
 * says exactly which indexes are missing and how to make them.
 */
export class ProjectionDeferredIndexes1764313000010 implements MigrationInterface {
  name = 'ProjectionDeferredIndexes1764313000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_deferred_indexes (
        projection text NOT NULL,
        index_name text NOT NULL,
        definition text NOT NULL,
        deferred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, index_name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_deferred_indexes');
  }
}
