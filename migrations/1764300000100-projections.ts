import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection bookkeeping (checkpoints, leases) and the first read model, `event_type_counts_v1`.
 * Checkpoint positions are the store's opaque, string-sortable positions, hence `text`.
 */
export class Projections1764300000100 implements MigrationInterface {
  name = 'Projections1764300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per projection version, written in the same transaction as its read-model rows.
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position text NULL,
        events_processed bigint NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        last_event_recorded_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One active runner per projection: a row, not a session advisory lock, so it survives
    // transaction-mode connection poolers (pgbouncer) and is visible to operators.
    await queryRunner.query(`
      CREATE TABLE projection_leases (
        name text PRIMARY KEY,
        owner text NOT NULL,
        acquired_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    // Events per type per UTC day of recordedAt: what the system learned, and when.
    await queryRunner.query(`
      CREATE TABLE event_type_counts_v1 (
        event_type text NOT NULL,
        day date NOT NULL,
        event_count bigint NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        PRIMARY KEY (event_type, day)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_type_counts_v1');
    await queryRunner.query('DROP TABLE projection_leases');
    await queryRunner.query('DROP TABLE projection_checkpoints');
  }
}
