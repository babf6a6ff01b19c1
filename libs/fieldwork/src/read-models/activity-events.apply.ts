import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { ActivityCorrectedData, ActivityLoggedData, ActivityRetractedData, CategoryFigures } from '../domain/activity.events';
import type { MeetingRecordedData } from '../domain/meeting.events';

/** One entry of an activity's visible history: what happened, on which day, when we learned it. */
const history = (event: RecordedEvent, fields: Record<string, unknown>): Array<Record<string, unknown>> => [
  { kind: event.type, revision: event.revision, recordedAt: event.recordedAt, ...fields },
];
/** The same entry as a jsonb parameter, for the statements that append it to an activity's history. */
const entry = (event: RecordedEvent, fields: Record<string, unknown>): string => JSON.stringify(history(event, fields));

/** Per-category figures as rows of a jsonb array, `f` (CategoryFigures, outcomes by code). */
const FIGURE_ROWS = `jsonb_to_recordset(%FIGURES%) AS f(category text, "peopleGuided" int, "householdsGuided" int, visits int, outcomes jsonb)`;
const FIGURE_COLUMNS = `activity_id, category, team_id, commune_code, province_code, village_id, held_on, retracted,
  people_guided, households_guided, visits, accounts_created, public_service_dossiers_filed, sellers_onboarded, epayment_accounts_opened`;
const FIGURE_VALUES = `f.category, a.team_id, a.commune_code, a.province_code, a.village_id, a.held_on, %RETRACTED%,
  f."peopleGuided", f."householdsGuided", f.visits, (f.outcomes->>'ACCOUNTS_CREATED')::int, (f.outcomes->>'PUBLIC_SERVICE_DOSSIERS_FILED')::int,
  (f.outcomes->>'SELLERS_ONBOARDED')::int, (f.outcomes->>'EPAYMENT_ACCOUNTS_OPENED')::int`;

/**
 * Logged activities, any number in one statement: each new activity row with its figure rows
 * (a repeated event inserts nothing, as before). Activities are independent of each other, so a
 * run of ActivityLogged events in one page lands as one round trip. The history's first entry
 * (`history` of the event: kind, revision, recordedAt, on, figures) is built by the server from the
 * row's own values, so the figures travel and are parsed once, not twice: they were half of the
 * statement's JSON, and this statement is most of a national catch-up's field work.
 */
export async function logActivities(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    const a = event.data as ActivityLoggedData;
    return {
      id: event.streamName.slice('activity-'.length),
      team_id: a.teamId,
      commune_code: a.communeCode,
      province_code: a.provinceCode,
      village_id: a.villageId,
      held_on: a.date,
      participant_ids: a.participantIds,
      figures: a.figures,
      recorded_at: event.recordedAt,
      version: event.revision,
    };
  });
  await queueSql(manager, 
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, team_id uuid, commune_code text, province_code text, village_id text,
         held_on date, participant_ids uuid[], figures jsonb, recorded_at text, version int)
     ), a AS (
       INSERT INTO fw_activities_v1 (id, team_id, commune_code, province_code, village_id, held_on, participant_ids, status, figures, history, version)
       SELECT id, team_id, commune_code, province_code, village_id, held_on, participant_ids, 'ACTIVE', figures,
         jsonb_build_array(jsonb_build_object('kind', 'ActivityLogged', 'revision', version, 'recordedAt', recorded_at, 'on', held_on, 'figures', figures)),
         version
       FROM input
       ON CONFLICT (id) DO NOTHING
       RETURNING id, team_id, commune_code, province_code, village_id, held_on, figures
     )
     INSERT INTO fw_activity_figures_v1 (${FIGURE_COLUMNS})
     SELECT a.id, ${FIGURE_VALUES.replace('%RETRACTED%', 'false')} FROM a, ${FIGURE_ROWS.replace('%FIGURES%', 'a.figures')}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Corrections of any number of activities in three statements: each activity's corrections of the
 * run folded in log order (the last figures win, every one counts and adds its history entry), then
 * its figure rows replaced. The same rows as one correction at a time: a correction touches only its
 * own activity, which its stream logged before it.
 */
export async function correctActivities(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const folded = new Map<string, { id: string; figures: readonly CategoryFigures[]; corrections: number; entries: Array<Record<string, unknown>>; version: number }>();
  for (const event of events) {
    const c = event.data as ActivityCorrectedData;
    const id = event.streamName.slice('activity-'.length);
    const entries = history(event, { on: c.correctedOn, reason: c.reason, figures: c.figures });
    const before = folded.get(id);
    folded.set(id, { id, figures: c.figures, corrections: (before?.corrections ?? 0) + 1, entries: [...(before?.entries ?? []), ...entries], version: event.revision });
  }
  if (folded.size === 0) return;
  const ids = [...folded.keys()];
  await queueSql(manager, 
    `UPDATE fw_activities_v1 a SET figures = i.figures, corrections = a.corrections + i.corrections, history = a.history || i.entries, version = i.version
     FROM jsonb_to_recordset($1::jsonb) AS i(id uuid, figures jsonb, corrections int, entries jsonb, version int) WHERE a.id = i.id`,
    [JSON.stringify([...folded.values()])],
  );
  await queueSql(manager, 'DELETE FROM fw_activity_figures_v1 WHERE activity_id = ANY($1::uuid[])', [ids]);
  await queueSql(manager, 
    `INSERT INTO fw_activity_figures_v1 (${FIGURE_COLUMNS})
     SELECT a.id, ${FIGURE_VALUES.replace('%RETRACTED%', "a.status = 'RETRACTED'")}
     FROM fw_activities_v1 a, ${FIGURE_ROWS.replace('%FIGURES%', 'a.figures')} WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
}

export async function applyActivityEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const id = event.streamName.slice('activity-'.length);
  switch (event.type) {
    case 'ActivityLogged':
      return logActivities([event], manager);
    case 'ActivityCorrected':
      return correctActivities([event], manager);
    case 'ActivityRetracted': {
      const r = event.data as ActivityRetractedData;
      await queueSql(manager, 
        `UPDATE fw_activities_v1 SET status = 'RETRACTED', retracted_on = $2, retract_reason = $3, history = history || $4::jsonb, version = $5 WHERE id = $1`,
        [id, r.retractedOn, r.reason, entry(event, { on: r.retractedOn, reason: r.reason }), event.revision],
      );
      await queueSql(manager, 'UPDATE fw_activity_figures_v1 SET retracted = true WHERE activity_id = $1', [id]);
      return;
    }
  }
}

export async function applyMeetingEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  if (event.type !== 'MeetingRecorded') return;
  const m = event.data as MeetingRecordedData;
  await queueSql(manager, 
    `INSERT INTO fw_meetings_v1 (id, team_id, commune_code, province_code, held_on, convened_by, attendee_ids, decisions, initiatives, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [event.streamName.slice('meeting-'.length), m.teamId, m.communeCode, m.provinceCode, m.date, m.convenedBy, m.attendeeIds, JSON.stringify(m.decisions), JSON.stringify(m.initiatives), event.revision],
  );
}
