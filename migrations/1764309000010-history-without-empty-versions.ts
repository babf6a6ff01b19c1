import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TRACK_FUNCTION } from './1764306000020-recorded-history';

/**
 * Recorded history keeps no empty versions (ADR 0015). A row changed twice at one recorded
 * instant (the events of one append) used to leave a version with `recorded_from = recorded_to`,
 * which no `asOf` can ever answer with. The trigger now deletes the open version when it was opened
 * at that same instant instead of closing it, so the history is the same whether a projection
 * applies such events one by one or as one statement, and whatever its page boundaries: a rebuild
 * with pages and a live run with single events give the same checksums. Existing empty versions
 * are removed for the same reason.
 */
export class HistoryWithoutEmptyVersions1764309000010 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(trackFunction(true));
    await queryRunner.query('SELECT audit_track_history(name) FROM recorded_history_tables WHERE to_regclass(quote_ident(name)) IS NOT NULL ORDER BY name');
    const tables = (await queryRunner.query(
      'SELECT name FROM recorded_history_tables WHERE to_regclass(quote_ident(name)) IS NOT NULL ORDER BY name',
    )) as Array<{ name: string }>;
    for (const { name } of tables) {
      await queryRunner.query(`DELETE FROM "${name}_history" WHERE recorded_to IS NOT NULL AND recorded_to <= recorded_from`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(trackFunction(false));
    await queryRunner.query('SELECT audit_track_history(name) FROM recorded_history_tables WHERE to_regclass(quote_ident(name)) IS NOT NULL ORDER BY name');
  }
}

const CLOSE_VERSION = 'UPDATE %I SET recorded_to = at WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL;';
const CLOSE_OR_DROP_VERSION = `DELETE FROM %I WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL AND recorded_from >= at;
        IF NOT FOUND THEN
          ${CLOSE_VERSION}
        END IF;`;

/**
 * `audit_track_history` as migration 1764306000020 defines it, or with the empty-version rule: the
 * same text with the close statement replaced (and the history table named once more for it).
 */
export function trackFunction(dropEmptyVersions: boolean): string {
  if (!dropEmptyVersions) return TRACK_FUNCTION;
  const arguments_ = "h || '_track', h, h, cols, vals";
  if (!TRACK_FUNCTION.includes(CLOSE_VERSION) || !TRACK_FUNCTION.includes(arguments_)) {
    throw new Error('audit_track_history changed: update migration 1764309000010');
  }
  return TRACK_FUNCTION.replace(CLOSE_VERSION, CLOSE_OR_DROP_VERSION).replace(arguments_, "h || '_track', h, h, h, cols, vals");
}
