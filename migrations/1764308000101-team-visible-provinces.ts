import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portal scope follows a team's current attachment (ADR 0012, amendment of 2026-11-28).
 *
 * - `teams_v1.province_code` becomes the province of the team's current commune (it was the
 *   province at establishment, so a re-attached team stayed with a province that no longer exists).
 * - `teams_v1.visible_province_codes`: the provinces whose portals see and change the team: its
 *   current province, or every successor province while it waits for a choice after a split.
 *   Back-filled from the dated communes and the reorganisation status already projected.
 * - `fw_teams_v1` (fieldwork's copy): the same current commune, province and visible provinces, so
 *   field-work rows (which keep the province of their date, for statistics) are also visible to the
 *   team's current provinces. Back-filled from `teams_v1`.
 * - `audit_team_people_v1` (projection `audit_index_v1`): which person streams joined which team
 *   stream, so a person's history follows their team to its new province. Empty for events indexed
 *   before it existed: rebuild `audit_index_v1` once on a registry that re-attached teams before.
 */
export class TeamVisibleProvinces1764308000101 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE teams_v1 ADD COLUMN visible_province_codes text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      UPDATE teams_v1 t SET province_code = COALESCE(cur.province_code, t.province_code)
      FROM (SELECT DISTINCT ON (team_id) team_id, province_code FROM team_communes_v1 ORDER BY team_id, valid_from DESC) cur
      WHERE cur.team_id = t.id`);
    await queryRunner.query(`
      UPDATE teams_v1 t SET visible_province_codes = COALESCE(
        (SELECT r.province_codes FROM team_reorganisation_v1 r WHERE r.team_id = t.id AND r.status = 'AWAITING_ASSIGNMENT'),
        CASE WHEN t.province_code IS NULL THEN '{}'::text[] ELSE ARRAY[t.province_code] END)`);
    await queryRunner.query('CREATE INDEX teams_v1_visible_provinces ON teams_v1 USING gin (visible_province_codes)');
    await queryRunner.query(`ALTER TABLE fw_teams_v1 ADD COLUMN visible_province_codes text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE fw_teams_v1 f SET commune_code = t.commune_code, province_code = t.province_code,
      visible_province_codes = t.visible_province_codes FROM teams_v1 t WHERE t.id = f.id`);
    await queryRunner.query(`UPDATE fw_teams_v1 SET visible_province_codes = ARRAY[province_code]
      WHERE cardinality(visible_province_codes) = 0 AND province_code IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE audit_team_people_v1 (
        team_stream text NOT NULL,
        person_stream text NOT NULL,
        PRIMARY KEY (team_stream, person_stream)
      )`);
    // The recorded-clock history (ADR 0011) tracks teams_v1 by a static column list: re-track it.
    await queryRunner.query(`DO $$ BEGIN
      IF to_regprocedure('audit_track_history(text)') IS NOT NULL AND to_regclass('recorded_history_tables') IS NOT NULL THEN
        PERFORM audit_track_history(name) FROM recorded_history_tables WHERE name = 'teams_v1';
      END IF;
    END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_team_people_v1');
    await queryRunner.query('ALTER TABLE fw_teams_v1 DROP COLUMN visible_province_codes');
    await queryRunner.query('ALTER TABLE teams_v1 DROP COLUMN visible_province_codes');
  }
}
