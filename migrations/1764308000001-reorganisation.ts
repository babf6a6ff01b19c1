import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrative reorganisations (issue #8, ADR 0012).
 *
 * - `team_communes_v1` (projection `teams_v1`): the commune a team belonged to, dated, so statistics
 *   follow a team across a reorganisation. `commune_code` is null while the team waits for a
 *   successor to be chosen after a split; `province_code` is then the province all successors share
 *   (null when they straddle provinces). Back-filled from `teams_v1` (one row from establishment).
 * - `team_reorganisation_v1` (projection `teams_v1`): where a team stands after a reorganisation
 *   (AWAITING_REDECISION / AWAITING_ASSIGNMENT), the work queue's source.
 * - `team_admin_units_v1.parent_code`: the district of a pre-2025 commune, for DISTRICT statistics
 *   (history); back-filled from `admin_units_v1`.
 * - `admin_mapping_issues_v1` (projection of the same name, libs/geography): the defects the import
 *   found in the official files, for the `successionDefects` query.
 * - `reorganisation_*_v1` (projection `reorganisation_v1`, the process manager): its own copy of
 *   team communes and succession edges, and the outbox of team commands it has decided to issue.
 */
export class Reorganisation1764308000001 implements MigrationInterface {
  name = 'Reorganisation1764308000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE team_communes_v1 (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team_id uuid NOT NULL,
        commune_code text NULL,
        province_code text NULL,
        valid_from date NOT NULL,
        valid_to date NULL
      )`);
    await queryRunner.query('CREATE INDEX team_communes_v1_team ON team_communes_v1 (team_id, valid_to)');
    await queryRunner.query('CREATE INDEX team_communes_v1_commune ON team_communes_v1 (commune_code)');
    await queryRunner.query(`INSERT INTO team_communes_v1 (team_id, commune_code, province_code, valid_from)
      SELECT id, commune_code, province_code, established_on FROM teams_v1`);
    await queryRunner.query(`
      CREATE TABLE team_reorganisation_v1 (
        team_id uuid PRIMARY KEY,
        status text NOT NULL,
        from_commune_code text NOT NULL,
        successor_codes text[] NOT NULL,
        province_codes text[] NOT NULL,
        since date NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX team_reorganisation_v1_status ON team_reorganisation_v1 (status)');
    await queryRunner.query('ALTER TABLE team_admin_units_v1 ADD COLUMN parent_code text NULL');
    await queryRunner.query(`UPDATE team_admin_units_v1 t SET parent_code = a.parent_code FROM admin_units_v1 a WHERE a.unit_key = t.unit_key`);
    await queryRunner.query('CREATE INDEX team_admin_units_v1_parent ON team_admin_units_v1 (parent_code, level)');
    await queryRunner.query(`
      CREATE TABLE admin_mapping_issues_v1 (
        reason text NOT NULL,
        subject text NOT NULL,
        kind text NOT NULL,
        message text NOT NULL,
        source text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (reason, subject)
      )`);
    await queryRunner.query(`
      CREATE TABLE reorganisation_teams_v1 (
        team_id uuid PRIMARY KEY,
        commune_code text NOT NULL,
        since date NOT NULL,
        dissolved_on date NULL
      )`);
    await queryRunner.query('CREATE INDEX reorganisation_teams_v1_commune ON reorganisation_teams_v1 (commune_code)');
    await queryRunner.query(`
      CREATE TABLE reorganisation_edges_v1 (
        from_code text NOT NULL,
        to_code text NOT NULL,
        effective_on date NOT NULL,
        kind text NOT NULL,
        PRIMARY KEY (from_code, to_code, effective_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE reorganisation_commands_v1 (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        command_key text NOT NULL UNIQUE,
        team_id uuid NOT NULL,
        from_code text NOT NULL,
        effective_on date NOT NULL,
        caused_by uuid NOT NULL,
        dispatched_at timestamptz NULL,
        outcome text NULL
      )`);
    await queryRunner.query('CREATE INDEX reorganisation_commands_v1_pending ON reorganisation_commands_v1 (seq) WHERE dispatched_at IS NULL');
    // The recorded-clock history (ADR 0011) tracks the teams tables by a static column list: track
    // team_communes_v1 (created only now) and re-track team_admin_units_v1 (new parent_code column).
    await queryRunner.query(`DO $$ BEGIN
      IF to_regprocedure('audit_track_history(text)') IS NOT NULL AND to_regclass('recorded_history_tables') IS NOT NULL THEN
        PERFORM audit_track_history(name) FROM recorded_history_tables
          WHERE name IN ('team_communes_v1', 'team_admin_units_v1') AND to_regclass(quote_ident(name)) IS NOT NULL;
      END IF;
    END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['admin_mapping_issues_v1', 'reorganisation_commands_v1', 'reorganisation_edges_v1', 'reorganisation_teams_v1', 'team_reorganisation_v1', 'team_communes_v1']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE team_admin_units_v1 DROP COLUMN parent_code');
  }
}
