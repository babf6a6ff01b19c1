import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams read models (projection `teams_v1`, libs/teams) and the personal-data key table.
 *
 * - Dated rows are half-open intervals `[valid_from, valid_to)`: a row is in force on day d when
 *   `valid_from <= d AND (valid_to IS NULL OR valid_to > d)`. A member who leaves on d is not a
 *   member on d; so every roster can be rebuilt for any past date (domain rule 5).
 * - `team_admin_units_v1` and `team_villages_v1` are the teams context's own copies of geography
 *   facts (from `AdministrativeUnitRecorded`, `VillageRegistered`/`VillageRetired`), so replays
 *   are deterministic and statistics are one SQL statement over this lib's tables.
 * - `personal_data_keys` is not a read model: it holds each person's data key, wrapped by the
 *   master key, outside the event store; destroying a key erases that person (ADR 0007).
 */
export class Teams1764300002000 implements MigrationInterface {
  name = 'Teams1764300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE teams_v1 (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        commune_code text NOT NULL,
        province_code text NULL,
        status text NOT NULL,
        established_on date NOT NULL,
        dissolved_on date NULL,
        decision_number text NOT NULL,
        decision_date date NOT NULL,
        decision_issuing_commune_code text NOT NULL,
        decision_signer_name text NOT NULL,
        decision_signer_title text NOT NULL,
        version integer NOT NULL,
        has_youth_union_member boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query('CREATE INDEX teams_v1_province_commune ON teams_v1 (province_code, commune_code)');
    await queryRunner.query('CREATE INDEX teams_v1_commune ON teams_v1 (commune_code)');
    await queryRunner.query(`
      CREATE TABLE team_memberships_v1 (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team_id uuid NOT NULL,
        person_id uuid NOT NULL,
        role text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NULL,
        decision_ref text NULL
      )`);
    await queryRunner.query('CREATE INDEX team_memberships_v1_team ON team_memberships_v1 (team_id, valid_to)');
    await queryRunner.query('CREATE INDEX team_memberships_v1_person ON team_memberships_v1 (person_id)');
    await queryRunner.query(`
      CREATE TABLE team_coverage_v1 (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team_id uuid NOT NULL,
        village_id text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NULL
      )`);
    await queryRunner.query('CREATE INDEX team_coverage_v1_team ON team_coverage_v1 (team_id, valid_to)');
    await queryRunner.query('CREATE INDEX team_coverage_v1_village ON team_coverage_v1 (village_id)');
    await queryRunner.query(`
      CREATE TABLE people_v1 (
        person_id uuid PRIMARY KEY,
        personal_data jsonb NULL,
        youth_union_since date NULL,
        youth_union_until date NULL,
        registered_at timestamptz NOT NULL,
        forgotten_at timestamptz NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE team_admin_units_v1 (
        unit_key text PRIMARY KEY,
        level text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        province_code text NOT NULL,
        valid_from date NULL,
        valid_to date NULL
      )`);
    await queryRunner.query('CREATE INDEX team_admin_units_v1_code ON team_admin_units_v1 (level, code)');
    await queryRunner.query('CREATE INDEX team_admin_units_v1_province ON team_admin_units_v1 (province_code, level)');
    await queryRunner.query(`
      CREATE TABLE team_villages_v1 (
        village_id text PRIMARY KEY,
        commune_code text NOT NULL,
        name text NOT NULL,
        registered_on date NOT NULL,
        retired_on date NULL
      )`);
    await queryRunner.query('CREATE INDEX team_villages_v1_commune ON team_villages_v1 (commune_code)');
    await queryRunner.query(`
      CREATE TABLE personal_data_keys (
        person_id uuid PRIMARY KEY,
        wrapped_key text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'personal_data_keys',
      'team_villages_v1',
      'team_admin_units_v1',
      'people_v1',
      'team_coverage_v1',
      'team_memberships_v1',
      'teams_v1',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
