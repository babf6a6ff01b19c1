import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registered operations (issue 6): whether a client may run only its registered documents, and
 * the documents themselves by SHA-256, read on each request of such a client by any API instance.
 * Both are projected from the client's stream by `api_clients_v1`.
 */
export class RegisteredOperations1764307000010 implements MigrationInterface {
  name = 'RegisteredOperations1764307000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE api_clients_v1 ADD COLUMN registered_operations_only boolean NOT NULL DEFAULT false');
    await queryRunner.query(`
      CREATE TABLE api_client_operations_v1 (
        client_id uuid NOT NULL,
        sha256_hash text NOT NULL,
        document text NOT NULL,
        registered_at timestamptz NOT NULL,
        registered_by text NOT NULL,
        PRIMARY KEY (client_id, sha256_hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_client_operations_v1');
    await queryRunner.query('ALTER TABLE api_clients_v1 DROP COLUMN registered_operations_only');
  }
}
