import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits of the credential endpoints (POST /oauth/token, GraphiQL's sign-in): token buckets
 * per client id and per IP address, in PostgreSQL so every API instance counts the same attempts.
 */
export class RateLimits1764307000020 implements MigrationInterface {
  name = 'RateLimits1764307000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_buckets (
        bucket_key text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_at timestamptz NOT NULL,
        -- whether the last attempt fitted: one atomic upsert both decides and reports
        granted boolean NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rate_limit_buckets');
  }
}
