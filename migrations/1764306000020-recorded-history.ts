import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RECORDED clock of time travel (ADR 0011): system-versioned history of the teams read-model
 * tables. Each tracked table `<t>` gets `<t>_history` (its columns plus `recorded_from`,
 * `recorded_to`, `row_key`) kept by an AFTER ROW trigger: an insert opens a version, an update
 * closes the old version and opens a new one, a delete closes it. The instant is the event's
 * `recordedAt`, which the projection sets per event in `cdtt.recorded_at` (now() otherwise), so a
 * rebuild writes the same history as the live run. "What the system knew at T" is then the
 * versions with `recorded_from <= T < recorded_to`, read through temporary views of the same
 * names, so the existing read SQL answers unchanged.
 *
 * `recorded_history_tables` lists the tables to track; `audit_track_history(name)` (idempotent)
 * creates or updates a table's history and trigger. The runtime calls it at start for every listed
 * table that exists, so a table created by a later migration (team_communes_v1) or a column added
 * later is picked up; history then starts at that moment, and `cli rebuild-projection teams_v1`
 * fills it from the whole log.
 */
export class RecordedHistory1764306000020 implements MigrationInterface {
  name = 'RecordedHistory1764306000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE recorded_history_tables (name text PRIMARY KEY)');
    await queryRunner.query(`INSERT INTO recorded_history_tables (name) VALUES
      ('teams_v1'), ('team_memberships_v1'), ('team_coverage_v1'), ('people_v1'),
      ('team_admin_units_v1'), ('team_villages_v1'), ('team_communes_v1')`);
    await queryRunner.query(TRACK_FUNCTION);
    await queryRunner.query(
      'SELECT audit_track_history(name) FROM recorded_history_tables WHERE to_regclass(quote_ident(name)) IS NOT NULL ORDER BY name',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query('SELECT name FROM recorded_history_tables')) as Array<{ name: string }>;
    for (const { name } of rows) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${name}_history"`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS "${name}_history_track"() CASCADE`);
    }
    await queryRunner.query('DROP FUNCTION audit_track_history(text)');
    await queryRunner.query('DROP TABLE recorded_history_tables');
  }
}

// The per-table trigger function is generated with a static column list (fast, no catalog reads
// per row); history and trigger table names are unqualified so that, under a rebuild's
// search_path, the shadow table's trigger writes the shadow history.
export const TRACK_FUNCTION = `
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
        UPDATE %I SET recorded_to = at WHERE row_key = md5(ROW(OLD.*)::text) AND recorded_to IS NULL;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO %I (%s, recorded_from, row_key) VALUES (%s, at, md5(ROW(NEW.*)::text));
      END IF;
      RETURN NULL;
    END $b$$f$, h || '_track', h, h, cols, vals);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON public.%I', h || '_track', tbl);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION public.%I()', h || '_track', tbl, h || '_track');
END $fn$`;
