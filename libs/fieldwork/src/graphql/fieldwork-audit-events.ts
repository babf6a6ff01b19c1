import { registerAuditEvents, type AuditDataSpec } from '@cdtt/platform';
import type { ACTIVITY_EVENT_TYPES } from '../domain/activity.events';
import type { MEETING_EVENT_TYPES } from '../domain/meeting.events';
import type { TRAINING_EVENT_TYPES } from '../domain/training.events';

/** One category's counts as logged; outcomes keep their stored keys so an auditor sees the fact as recorded. */
const figures: AuditDataSpec = {
  category: 'String',
  peopleGuided: 'Int',
  householdsGuided: 'Int',
  visits: 'Int',
  outcomes: { ACCOUNTS_CREATED: 'Int', PUBLIC_SERVICE_DOSSIERS_FILED: 'Int', SELLERS_ONBOARDED: 'Int', EPAYMENT_ACCOUNTS_OPENED: 'Int' },
};

/**
 * How history and the audit log show the field-work context's events. Field work carries no
 * personal fields (persons are referred to by id), so nothing here is sealed.
 */
export const FIELDWORK_AUDIT_EVENTS = registerAuditEvents({
  TrainingScheduled: {
    trainingId: 'ID',
    title: 'String',
    organiserKind: 'String',
    organiserName: 'String',
    level: 'String',
    mode: 'String',
    heldOn: 'String',
    provinceCode: 'String',
    communeCode: 'String',
    topics: '[String]',
  },
  TrainingAttendanceRecorded: { personIds: '[ID]', recordedOn: 'String' },
  TrainingCompleted: { completedOn: 'String' },
  TrainingCancelled: { cancelledOn: 'String', reason: 'String' },
  ActivityLogged: {
    activityId: 'ID',
    teamId: 'ID',
    communeCode: 'String',
    provinceCode: 'String',
    villageId: 'ID',
    date: 'String',
    participantIds: '[ID]',
    figures: [figures],
  },
  ActivityCorrected: { figures: [figures], correctedOn: 'String', reason: 'String' },
  ActivityRetracted: { retractedOn: 'String', reason: 'String' },
  MeetingRecorded: {
    meetingId: 'ID',
    teamId: 'ID',
    communeCode: 'String',
    provinceCode: 'String',
    date: 'String',
    convenedBy: 'ID',
    attendeeIds: '[ID]',
    decisions: '[String]',
    initiatives: '[String]',
  },
} satisfies Record<(typeof TRAINING_EVENT_TYPES)[number] | (typeof ACTIVITY_EVENT_TYPES)[number] | (typeof MEETING_EVENT_TYPES)[number], AuditDataSpec>);
