import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { ActivityCorrectedData, ActivityLoggedData, ActivityRetractedData, CategoryFigures } from '../domain/activity.events';
import type { MeetingRecordedData } from '../domain/meeting.events';

/** Replaces an activity's per-category rows with its current figures (history stays in `history` and the stream). */
async function writeFigures(manager: EntityManager, activityId: string, figures: readonly CategoryFigures[]): Promise<void> {
  await manager.query('DELETE FROM fw_activity_figures_v1 WHERE activity_id = $1', [activityId]);
  for (const f of figures) {
    await manager.query(
      `INSERT INTO fw_activity_figures_v1 (activity_id, category, team_id, commune_code, province_code, village_id, held_on, retracted,
         people_guided, households_guided, visits, accounts_created, public_service_dossiers_filed, sellers_onboarded, epayment_accounts_opened)
       SELECT a.id, $2, a.team_id, a.commune_code, a.province_code, a.village_id, a.held_on, a.status = 'RETRACTED', $3, $4, $5, $6, $7, $8, $9
       FROM fw_activities_v1 a WHERE a.id = $1`,
      [
        activityId,
        f.category,
        f.peopleGuided,
        f.householdsGuided,
        f.visits,
        f.outcomes.ACCOUNTS_CREATED,
        f.outcomes.PUBLIC_SERVICE_DOSSIERS_FILED,
        f.outcomes.SELLERS_ONBOARDED,
        f.outcomes.EPAYMENT_ACCOUNTS_OPENED,
      ],
    );
  }
}

/** One entry of an activity's visible history: what happened, on which day, when we learned it. */
const entry = (event: RecordedEvent, fields: Record<string, unknown>): string =>
  JSON.stringify([{ kind: event.type, revision: event.revision, recordedAt: event.recordedAt, ...fields }]);

export async function applyActivityEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const id = event.streamName.slice('activity-'.length);
  switch (event.type) {
    case 'ActivityLogged': {
      const a = event.data as ActivityLoggedData;
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO fw_activities_v1 (id, team_id, commune_code, province_code, village_id, held_on, participant_ids, status, figures, history, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, a.teamId, a.communeCode, a.provinceCode, a.villageId, a.date, a.participantIds, JSON.stringify(a.figures), entry(event, { on: a.date, figures: a.figures }), event.revision],
      );
      if (inserted.length > 0) await writeFigures(manager, id, a.figures);
      return;
    }
    case 'ActivityCorrected': {
      const c = event.data as ActivityCorrectedData;
      await manager.query(
        `UPDATE fw_activities_v1 SET figures = $2, corrections = corrections + 1, history = history || $3::jsonb, version = $4 WHERE id = $1`,
        [id, JSON.stringify(c.figures), entry(event, { on: c.correctedOn, reason: c.reason, figures: c.figures }), event.revision],
      );
      return writeFigures(manager, id, c.figures);
    }
    case 'ActivityRetracted': {
      const r = event.data as ActivityRetractedData;
      await manager.query(
        `UPDATE fw_activities_v1 SET status = 'RETRACTED', retracted_on = $2, retract_reason = $3, history = history || $4::jsonb, version = $5 WHERE id = $1`,
        [id, r.retractedOn, r.reason, entry(event, { on: r.retractedOn, reason: r.reason }), event.revision],
      );
      await manager.query('UPDATE fw_activity_figures_v1 SET retracted = true WHERE activity_id = $1', [id]);
      return;
    }
  }
}

export async function applyMeetingEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  if (event.type !== 'MeetingRecorded') return;
  const m = event.data as MeetingRecordedData;
  await manager.query(
    `INSERT INTO fw_meetings_v1 (id, team_id, commune_code, province_code, held_on, convened_by, attendee_ids, decisions, initiatives, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [event.streamName.slice('meeting-'.length), m.teamId, m.communeCode, m.provinceCode, m.date, m.convenedBy, m.attendeeIds, JSON.stringify(m.decisions), JSON.stringify(m.initiatives), event.revision],
  );
}
