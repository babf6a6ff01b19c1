import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys a RECORDED read of one team looks its rows up by, indexed in the histories (ADR 0026):
 * the history views are plain filtered scans, so PostgreSQL reaches these indexes through them,
 * where without them each team read scanned every version of the teams, memberships, people,
 * coverage and villages. The teams projection defers them during a catch-up from zero (ADR 0025).
 */
const HISTORY_KEY_INDEXES: ReadonlyArray<readonly [name: string, history: string, column: string]> = [
  ['teams_v1_history_id', 'teams_v1_history', 'id'],
  ['team_memberships_v1_history_team', 'team_memberships_v1_history', 'team_id'],
  ['people_v1_history_person', 'people_v1_history', 'person_id'],
  ['team_coverage_v1_history_team', 'team_coverage_v1_history', 'team_id'],
  ['team_villages_v1_history_village', 'team_villages_v1_history', 'village_id'],
];

export class RecordedHistoryKeyIndexes1764314000020 implements MigrationInterface {
  name = 'RecordedHistoryKeyIndexes1764314000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, history, column] of HISTORY_KEY_INDEXES) {
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS "${name}" ON "${history}" ("${column}")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of HISTORY_KEY_INDEXES) await queryRunner.query(`DROP INDEX IF EXISTS "${name}"`);
  }
}
