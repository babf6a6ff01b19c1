import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security: the API client read model (never the secret hashes: the token endpoint checks
 * secrets against the client's stream) and the per-client query-cost budget, a token bucket in
 * PostgreSQL so any API instance can serve any request.
 */
export class Security1764300003000 implements MigrationInterface {
  name = 'Security1764300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_clients_v1 (
        client_id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        province_codes text[] NOT NULL,
        status text NOT NULL,
        registered_at timestamptz NOT NULL,
        registered_by text NOT NULL,
        secret_rotated_at timestamptz NULL,
        revoked_at timestamptz NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE api_cost_buckets (
        client_id text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_at timestamptz NOT NULL,
        -- whether the last request fitted: lets one atomic upsert both decide and report
        granted boolean NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_cost_buckets');
    await queryRunner.query('DROP TABLE api_clients_v1');
  }
}
