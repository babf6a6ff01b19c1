import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting read models (projection `reporting_v1`, libs/reporting): indicators defined beyond the
 * built-in catalogue, targets and closed target periods, reports and every version of each.
 *
 * - A report version's `figures` is a copy of the snapshot in its ReportSubmitted/ReportAmended
 *   event: nothing recomputes it, so a submitted report reads the same forever (rule 9).
 * - Every table carries `province_code`, the column ProvinceScope filters on.
 */
export class Reporting1764305000010 implements MigrationInterface {
  name = 'Reporting1764305000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting_indicators_v1 (
        year integer NOT NULL,
        code text NOT NULL,
        province_code text NULL,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        unit text NOT NULL,
        aggregation text NOT NULL,
        source text NOT NULL,
        denominator_source text NULL,
        PRIMARY KEY (year, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE reporting_targets_v1 (
        province_code text NOT NULL,
        period_code text NOT NULL,
        level text NOT NULL,
        unit_code text NOT NULL,
        indicator_code text NOT NULL,
        parent_level text NULL,
        parent_code text NULL,
        value double precision NOT NULL,
        assigned_on date NOT NULL,
        revised_on date NULL,
        revisions integer NOT NULL DEFAULT 0,
        PRIMARY KEY (period_code, level, unit_code, indicator_code)
      )`);
    await queryRunner.query('CREATE INDEX reporting_targets_v1_province ON reporting_targets_v1 (province_code, period_code)');
    await queryRunner.query(`
      CREATE TABLE reporting_target_periods_v1 (
        province_code text NOT NULL,
        period_code text NOT NULL,
        closed_on date NOT NULL,
        PRIMARY KEY (province_code, period_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE reporting_reports_v1 (
        id text PRIMARY KEY,
        line text NOT NULL,
        period_code text NOT NULL,
        level text NOT NULL,
        unit_code text NOT NULL,
        province_code text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        stream_version integer NOT NULL,
        first_submitted_on date NOT NULL,
        last_changed_on date NOT NULL,
        due_date date NULL,
        late boolean NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX reporting_reports_v1_province ON reporting_reports_v1 (province_code, period_code, line)');
    await queryRunner.query('CREATE INDEX reporting_reports_v1_unit ON reporting_reports_v1 (level, unit_code, period_code)');
    await queryRunner.query(`
      CREATE TABLE reporting_report_versions_v1 (
        report_id text NOT NULL,
        version integer NOT NULL,
        kind text NOT NULL,
        recorded_on date NOT NULL,
        late boolean NOT NULL,
        reason text NULL,
        note text NULL,
        figures jsonb NOT NULL,
        returned_on date NULL,
        returned_reason text NULL,
        accepted_on date NULL,
        PRIMARY KEY (report_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['reporting_report_versions_v1', 'reporting_reports_v1', 'reporting_target_periods_v1', 'reporting_targets_v1', 'reporting_indicators_v1']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
