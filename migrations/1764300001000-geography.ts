import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Geography read models: administrative unit versions, the 2025 succession edges, villages.
 * Dates are civil dates (`date`); `valid_to` is exclusive, null = still in force.
 */
export class Geography1764300001000 implements MigrationInterface {
  name = 'Geography1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per unit version: a code reused after the reform is a second row. `unit_key`
    // (level:code:valid_from) is the upsert key, since valid_from may be null (start unknown).
    await queryRunner.query(`
      CREATE TABLE admin_units_v1 (
        unit_key text PRIMARY KEY,
        level text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        full_name text NOT NULL,
        name_en text NOT NULL,
        type text NOT NULL,
        parent_code text NULL,
        province_code text NOT NULL,
        valid_from date NULL,
        valid_to date NULL,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX admin_units_v1_by_code ON admin_units_v1 (level, code)');
    await queryRunner.query('CREATE INDEX admin_units_v1_by_parent ON admin_units_v1 (level, parent_code, code)');
    await queryRunner.query('CREATE INDEX admin_units_v1_by_province ON admin_units_v1 (level, province_code, code)');
    await queryRunner.query(`
      CREATE TABLE admin_unit_successions_v1 (
        from_level text NOT NULL,
        from_code text NOT NULL,
        to_level text NOT NULL,
        to_code text NOT NULL,
        effective_on date NOT NULL,
        kind text NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (from_level, from_code, to_level, to_code, effective_on)
      )`);
    await queryRunner.query('CREATE INDEX admin_unit_successions_v1_by_to ON admin_unit_successions_v1 (to_level, to_code)');
    // No unique (commune, name) index: the decider checks duplicates against this table, and a
    // projection must never fail on a fact already recorded (it would stall every later event).
    await queryRunner.query(`
      CREATE TABLE villages_v1 (
        id uuid PRIMARY KEY,
        commune_code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        households integer NULL,
        status text NOT NULL,
        registered_on date NOT NULL,
        retired_on date NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX villages_v1_by_commune ON villages_v1 (commune_code, name, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE villages_v1');
    await queryRunner.query('DROP TABLE admin_unit_successions_v1');
    await queryRunner.query('DROP TABLE admin_units_v1');
  }
}
