import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field-work read models (projection `fieldwork_v1`, libs/fieldwork): training sessions and
 * attendance, field activities with their current figures per task category, team meetings, and
 * this context's own copies of the team and geography facts its figures join on (so a replay never
 * depends on another projection's progress).
 *
 * Scale: ~90,000 teams logging ~2M activities a year. Figures are SQL aggregates over
 * `fw_activity_figures_v1`, which repeats each activity's unit codes and day so a province or
 * commune over a period is one index range scan, with no join back to the activities.
 * Dated rows are half-open `[valid_from, valid_to)`, as in the teams read models.
 */
export class Fieldwork1764304000000 implements MigrationInterface {
  name = 'Fieldwork1764304000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE fw_admin_units_v1 (
      unit_key text PRIMARY KEY, level text NOT NULL, code text NOT NULL, province_code text NOT NULL,
      valid_from date NULL, valid_to date NULL)`);
    await q('CREATE INDEX fw_admin_units_v1_code ON fw_admin_units_v1 (level, code)');
    await q(`CREATE TABLE fw_villages_v1 (
      village_id text PRIMARY KEY, commune_code text NOT NULL, households integer NULL,
      registered_on date NOT NULL, retired_on date NULL)`);
    await q('CREATE INDEX fw_villages_v1_commune ON fw_villages_v1 (commune_code)');
    await q(`CREATE TABLE fw_teams_v1 (
      id uuid PRIMARY KEY, commune_code text NOT NULL, province_code text NULL, level text NOT NULL,
      established_on date NOT NULL, dissolved_on date NULL)`);
    await q('CREATE INDEX fw_teams_v1_commune ON fw_teams_v1 (commune_code)');
    await q('CREATE INDEX fw_teams_v1_province ON fw_teams_v1 (province_code)');
    await q(`CREATE TABLE fw_team_memberships_v1 (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, team_id uuid NOT NULL, person_id uuid NOT NULL,
      role text NOT NULL, valid_from date NOT NULL, valid_to date NULL)`);
    await q('CREATE INDEX fw_team_memberships_v1_team ON fw_team_memberships_v1 (team_id, valid_to)');
    await q('CREATE INDEX fw_team_memberships_v1_person ON fw_team_memberships_v1 (person_id)');
    await q(`CREATE TABLE fw_team_coverage_v1 (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, team_id uuid NOT NULL, village_id text NOT NULL,
      valid_from date NOT NULL, valid_to date NULL)`);
    await q('CREATE INDEX fw_team_coverage_v1_team ON fw_team_coverage_v1 (team_id, valid_to)');
    await q(`CREATE TABLE fw_trainings_v1 (
      id uuid PRIMARY KEY, title text NOT NULL, organiser_kind text NOT NULL, organiser_name text NOT NULL,
      level text NOT NULL, mode text NOT NULL, held_on date NOT NULL, province_code text NULL, commune_code text NULL,
      topics text[] NOT NULL, status text NOT NULL, completed_on date NULL, cancelled_on date NULL,
      cancel_reason text NULL, attendee_count integer NOT NULL DEFAULT 0, version integer NOT NULL)`);
    await q('CREATE INDEX fw_trainings_v1_held ON fw_trainings_v1 (held_on, id)');
    await q('CREATE INDEX fw_trainings_v1_province ON fw_trainings_v1 (province_code, held_on, id)');
    await q('CREATE INDEX fw_trainings_v1_commune ON fw_trainings_v1 (commune_code, held_on, id)');
    await q(`CREATE TABLE fw_training_attendance_v1 (
      training_id uuid NOT NULL, person_id uuid NOT NULL, recorded_on date NOT NULL, PRIMARY KEY (training_id, person_id))`);
    await q('CREATE INDEX fw_training_attendance_v1_person ON fw_training_attendance_v1 (person_id)');
    await q(`CREATE TABLE fw_activities_v1 (
      id uuid PRIMARY KEY, team_id uuid NOT NULL, commune_code text NOT NULL, province_code text NULL,
      village_id text NOT NULL, held_on date NOT NULL, participant_ids uuid[] NOT NULL, status text NOT NULL,
      corrections integer NOT NULL DEFAULT 0, retracted_on date NULL, retract_reason text NULL,
      figures jsonb NOT NULL, history jsonb NOT NULL, version integer NOT NULL)`);
    await q('CREATE INDEX fw_activities_v1_held ON fw_activities_v1 (held_on, id)');
    await q('CREATE INDEX fw_activities_v1_province ON fw_activities_v1 (province_code, held_on, id)');
    await q('CREATE INDEX fw_activities_v1_commune ON fw_activities_v1 (commune_code, held_on, id)');
    await q('CREATE INDEX fw_activities_v1_team ON fw_activities_v1 (team_id, held_on, id)');
    // One row per (activity, category) with the activity's current figures; `retracted` and the
    // correction count live here too so every figure is one scan of one index range.
    await q(`CREATE TABLE fw_activity_figures_v1 (
      activity_id uuid NOT NULL, category text NOT NULL, team_id uuid NOT NULL, commune_code text NOT NULL,
      province_code text NULL, village_id text NOT NULL, held_on date NOT NULL, retracted boolean NOT NULL DEFAULT false,
      people_guided integer NOT NULL, households_guided integer NOT NULL, visits integer NOT NULL,
      accounts_created integer NOT NULL, public_service_dossiers_filed integer NOT NULL,
      sellers_onboarded integer NOT NULL, epayment_accounts_opened integer NOT NULL,
      PRIMARY KEY (activity_id, category))`);
    await q('CREATE INDEX fw_activity_figures_v1_held ON fw_activity_figures_v1 (held_on)');
    await q('CREATE INDEX fw_activity_figures_v1_province ON fw_activity_figures_v1 (province_code, held_on)');
    await q('CREATE INDEX fw_activity_figures_v1_commune ON fw_activity_figures_v1 (commune_code, held_on)');
    await q('CREATE INDEX fw_activity_figures_v1_team ON fw_activity_figures_v1 (team_id, held_on)');
    await q(`CREATE TABLE fw_meetings_v1 (
      id uuid PRIMARY KEY, team_id uuid NOT NULL, commune_code text NOT NULL, province_code text NULL,
      held_on date NOT NULL, convened_by uuid NOT NULL, attendee_ids uuid[] NOT NULL, decisions jsonb NOT NULL,
      initiatives jsonb NOT NULL, version integer NOT NULL)`);
    await q('CREATE INDEX fw_meetings_v1_held ON fw_meetings_v1 (held_on, id)');
    await q('CREATE INDEX fw_meetings_v1_province ON fw_meetings_v1 (province_code, held_on, id)');
    await q('CREATE INDEX fw_meetings_v1_commune ON fw_meetings_v1 (commune_code, held_on, id)');
    await q('CREATE INDEX fw_meetings_v1_team ON fw_meetings_v1 (team_id, held_on, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'fw_meetings_v1',
      'fw_activity_figures_v1',
      'fw_activities_v1',
      'fw_training_attendance_v1',
      'fw_trainings_v1',
      'fw_team_coverage_v1',
      'fw_team_memberships_v1',
      'fw_teams_v1',
      'fw_villages_v1',
      'fw_admin_units_v1',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
