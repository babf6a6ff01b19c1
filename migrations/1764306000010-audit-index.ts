import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit index (projection `audit_index_v1`, libs/platform/src/audit/history), for `auditLog`
 * and for scoping history to a portal's provinces without reading event payloads:
 *
 * - `audit_log_v1`: one row per event of `$all` with the envelope fields auditors filter on. The
 *   event itself stays in the store (read back by stream and revision): no second copy of data.
 *   `position` is the store's opaque, string-sortable position, compared byte-wise (`COLLATE "C"`)
 *   so SQL order is the store's order and cursors page stably.
 * - `audit_stream_units_v1`: which communes (and so provinces) a stream belongs to: a team by the
 *   commune that established it, a village by its commune, a person by every team they joined.
 *   A stream with no row belongs to no province: only unrestricted callers see it.
 * - `audit_communes_v1`: this projection's own copy of commune → province (with validity), so a
 *   replay never depends on another projection's progress.
 */
export class AuditIndex1764306000010 implements MigrationInterface {
  name = 'AuditIndex1764306000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log_v1 (
        position text COLLATE "C" PRIMARY KEY,
        event_id uuid NOT NULL,
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        event_type text NOT NULL,
        actor_client_id text NOT NULL,
        actor_role text NOT NULL,
        recorded_at timestamptz NOT NULL,
        effective_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_log_v1_type ON audit_log_v1 (event_type, position)');
    await queryRunner.query('CREATE INDEX audit_log_v1_actor ON audit_log_v1 (actor_client_id, position)');
    await queryRunner.query('CREATE INDEX audit_log_v1_stream ON audit_log_v1 (stream_name, revision)');
    await queryRunner.query('CREATE INDEX audit_log_v1_recorded ON audit_log_v1 (recorded_at)');
    await queryRunner.query('CREATE INDEX audit_log_v1_effective ON audit_log_v1 (effective_at)');
    await queryRunner.query(`
      CREATE TABLE audit_stream_units_v1 (
        stream_name text NOT NULL,
        commune_code text NOT NULL,
        province_code text NULL,
        PRIMARY KEY (stream_name, commune_code)
      )`);
    await queryRunner.query('CREATE INDEX audit_stream_units_v1_province ON audit_stream_units_v1 (province_code, stream_name)');
    await queryRunner.query('CREATE INDEX audit_stream_units_v1_commune ON audit_stream_units_v1 (commune_code, stream_name)');
    await queryRunner.query(`
      CREATE TABLE audit_communes_v1 (
        unit_key text PRIMARY KEY,
        commune_code text NOT NULL,
        province_code text NOT NULL,
        valid_from date NULL,
        valid_to date NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_communes_v1_code ON audit_communes_v1 (commune_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_communes_v1');
    await queryRunner.query('DROP TABLE audit_stream_units_v1');
    await queryRunner.query('DROP TABLE audit_log_v1');
  }
}
