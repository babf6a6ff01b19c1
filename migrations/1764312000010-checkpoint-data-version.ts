import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a projection's read-model rows last changed (ADR 0024, amended): set by a batch that
 * applied events and by a rebuild's switch, never by a move over a page with none of the
 * projection's events. With `events_applied` beside it, it versions what was remembered of the
 * read models: the answers of a projection stay valid while other contexts' events pass by. A
 * new checkpoint row gets the time of its creation, so a row deleted and made again never repeats
 * a version.
 */
export class CheckpointDataVersion1764312000010 implements MigrationInterface {
  name = 'CheckpointDataVersion1764312000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE projection_checkpoints ADD COLUMN data_changed_at timestamptz NOT NULL DEFAULT clock_timestamp()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE projection_checkpoints DROP COLUMN data_changed_at');
  }
}
