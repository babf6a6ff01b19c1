import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records, shared by every API instance (they are stateless). A row is claimed
 * (response null) before the work runs and completed with the payload after; `created_at` lets an
 * operator expire old keys.
 */
export class Idempotency1764300000500 implements MigrationInterface {
  name = 'Idempotency1764300000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        client_id text NOT NULL,
        idempotency_key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz NULL,
        PRIMARY KEY (client_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_records');
  }
}
