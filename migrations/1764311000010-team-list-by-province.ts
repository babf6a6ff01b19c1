import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `teams` list of one province in order (ADR 0020): the teams visible in that province alone
 * are those with `visible_province_codes = {P}`, so an index led by the array answers the equality
 * and hands out the page in (key, id) order. The `(name, id)` walk of 1764310000010 stays for
 * lists across provinces; for one province at national scale it passed 25 other teams for each
 * one of Hà Nội's.
 */
export class TeamListByProvince1764311000010 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX teams_v1_province_name_order ON teams_v1 (visible_province_codes, name, id)');
    await queryRunner.query('CREATE INDEX teams_v1_province_established_order ON teams_v1 (visible_province_codes, established_on, id)');
    // The teams visible in several provinces (held for a successor choice): a handful at any time,
    // so the second part of a province's page reads them here instead of scanning the province.
    await queryRunner.query('CREATE INDEX teams_v1_shared_name_order ON teams_v1 (name, id) WHERE cardinality(visible_province_codes) > 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX teams_v1_shared_name_order');
    await queryRunner.query('DROP INDEX teams_v1_province_established_order');
    await queryRunner.query('DROP INDEX teams_v1_province_name_order');
  }
}
