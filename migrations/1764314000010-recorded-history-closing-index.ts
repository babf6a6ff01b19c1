import type { MigrationInterface, QueryRunner } from 'typeorm';
import { trackFunction } from './1764309000010-history-without-empty-versions';

const FROM_INDEX = "EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON public.%I (recorded_from)', h || '_from', h);";
const TO_INDEX = "EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON public.%I (recorded_to) WHERE recorded_to IS NOT NULL', h || '_to', h);";

const TRACKED = 'SELECT name FROM recorded_history_tables WHERE to_regclass(quote_ident(name)) IS NOT NULL ORDER BY name';

/**
 * Each recorded history gets `<t>_history_to`, the closed versions by the instant they were
 * closed (ADR 0026). With `<t>_history_from` it proves in two index probes that nothing was
 * recorded in a table at or after an instant, so a RECORDED read there reads the live table instead
 * of filtering every version ever kept. Partial: open versions (most of them) are not in it.
 * `audit_track_history` creates it too, for tables tracked later and for rebuild shadows.
 */
export class RecordedHistoryClosingIndex1764314000010 implements MigrationInterface {
  name = 'RecordedHistoryClosingIndex1764314000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(withClosingIndex(trackFunction(true)));
    // The tracking function makes the index for the tables already tracked, as for later ones.
    await queryRunner.query(`SELECT audit_track_history(name) FROM (${TRACKED}) t`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(trackFunction(true));
    for (const { name } of (await queryRunner.query(TRACKED)) as Array<{ name: string }>) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${name}_history_to"`);
    }
  }
}

/** `audit_track_history` as migration 1764309000010 left it, creating the closing index beside `_from`. */
function withClosingIndex(track: string): string {
  if (!track.includes(FROM_INDEX)) throw new Error('audit_track_history changed: update migration 1764314000010');
  return track.replace(FROM_INDEX, `${FROM_INDEX}\n  ${TO_INDEX}`);
}
