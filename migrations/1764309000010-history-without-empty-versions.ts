import type { MigrationInterface, QueryRunner } from 'typeorm';

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

/** `audit_track_history` as migration 1764306000020 defines it, with or without the empty-version rule. */
function trackFunction(dropEmptyVersions: boolean): string {
  const close = dropEmptyVersions
    ? `DELETE FROM %I WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL AND recorded_from >= at;
        IF NOT FOUND THEN
          UPDATE %I SET recorded_to = at WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL;
        END IF;`
    : `UPDATE %I SET recorded_to = at WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL;`;
  const historyNames = dropEmptyVersions ? 'h, h, h' : 'h, h';
  return `
CREATE OR REPLACE FUNCTION audit_track_history(tbl text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  h text := tbl || '_history';
  col record;
  cols text;
  vals text;
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS public.%I (LIKE public.%I)', h, tbl);
  FOR col IN
    SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
    WHERE a.attrelid = format('public.%I', tbl)::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT EXISTS (SELECT 1 FROM pg_attribute b WHERE b.attrelid = format('public.%I', h)::regclass AND b.attname = a.attname AND NOT b.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE public.%I ADD COLUMN %I %s', h, col.attname, col.type);
  END LOOP;
  EXECUTE format('ALTER TABLE public.%I ADD COLUMN IF NOT EXISTS recorded_from timestamptz, ADD COLUMN IF NOT EXISTS recorded_to timestamptz, ADD COLUMN IF NOT EXISTS row_key text', h);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON public.%I (row_key) WHERE recorded_to IS NULL', h || '_open', h);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON public.%I (recorded_from)', h || '_from', h);
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('NEW.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, vals
    FROM pg_attribute WHERE attrelid = format('public.%I', tbl)::regclass AND attnum > 0 AND NOT attisdropped;
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION public.%I() RETURNS trigger LANGUAGE plpgsql AS $b$
    DECLARE at timestamptz := coalesce(nullif(current_setting('cdtt.recorded_at', true), '')::timestamptz, now());
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        ${close}
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO %I (%s, recorded_from, row_key) VALUES (%s, at, md5(ROW(NEW.*)::text));
      END IF;
      RETURN NULL;
    END $b$$f$, h || '_track', ${historyNames}, cols, vals);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON public.%I', h || '_track', tbl);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION public.%I()', h || '_track', tbl, h || '_track');
END $fn$`;
}
