import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { TrainingAttendanceRecordedData, TrainingCancelledData, TrainingCompletedData, TrainingScheduledData } from '../domain/training.events';

/** Sessions and attendance; every event also moves the session's `version` to its revision. */
export async function applyTrainingEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const id = event.streamName.slice('training-'.length);
  switch (event.type) {
    case 'TrainingScheduled': {
      const t = event.data as TrainingScheduledData;
      await queueSql(manager, 
        `INSERT INTO fw_trainings_v1 (id, title, organiser_kind, organiser_name, level, mode, held_on, province_code, commune_code, topics, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'SCHEDULED', $11) ON CONFLICT (id) DO NOTHING`,
        [id, t.title, t.organiserKind, t.organiserName, t.level, t.mode, t.heldOn, t.provinceCode, t.communeCode, t.topics, event.revision],
      );
      return;
    }
    case 'TrainingAttendanceRecorded': {
      const a = event.data as TrainingAttendanceRecordedData;
      await queueSql(manager, 
        `INSERT INTO fw_training_attendance_v1 (training_id, person_id, recorded_on) SELECT $1, p, $3 FROM unnest($2::uuid[]) AS p
         ON CONFLICT DO NOTHING`,
        [id, a.personIds, a.recordedOn],
      );
      await queueSql(manager, 
        'UPDATE fw_trainings_v1 SET attendee_count = (SELECT count(*) FROM fw_training_attendance_v1 WHERE training_id = $1) WHERE id = $1',
        [id],
      );
      break;
    }
    case 'TrainingCompleted': {
      const c = event.data as TrainingCompletedData;
      await queueSql(manager, `UPDATE fw_trainings_v1 SET status = 'COMPLETED', completed_on = $2 WHERE id = $1`, [id, c.completedOn]);
      break;
    }
    case 'TrainingCancelled': {
      const c = event.data as TrainingCancelledData;
      await queueSql(manager, `UPDATE fw_trainings_v1 SET status = 'CANCELLED', cancelled_on = $2, cancel_reason = $3 WHERE id = $1`, [id, c.cancelledOn, c.reason]);
      break;
    }
  }
  await queueSql(manager, 'UPDATE fw_trainings_v1 SET version = $2 WHERE id = $1', [id, event.revision]);
}
