import { DomainError } from '@cdtt/event-sourcing';

/**
 * Every rejection of the field-work deciders and command services, by stable code (catalogued in
 * docs/errors.md). Messages carry ids, dates and codes only, never personal data.
 */
export const FieldworkErrors = {
  // Training sessions
  trainingAlreadyScheduled: () => new DomainError('TRAINING_ALREADY_SCHEDULED', 'This training id is already scheduled.'),
  trainingNotFound: () => new DomainError('TRAINING_NOT_FOUND', 'No training session with this id.', ['trainingId']),
  trainingCancelled: () => new DomainError('TRAINING_CANCELLED', 'The session was cancelled; it can no longer change.', ['trainingId']),
  trainingCompleted: () =>
    new DomainError('TRAINING_ALREADY_COMPLETED', 'The session is completed; it can no longer be completed or cancelled.', ['trainingId']),
  trainingNotYetHeld: (heldOn: string) =>
    new DomainError('TRAINING_NOT_YET_HELD', `The session is dated ${heldOn}: it cannot be completed or attended before that day.`, ['trainingId']),
  trainingWithoutAttendance: () =>
    new DomainError('TRAINING_WITHOUT_ATTENDANCE', 'Record who attended before completing the session.', ['trainingId']),
  trainingUnitMismatch: (level: string) =>
    new DomainError(
      'TRAINING_UNIT_MISMATCH',
      `A ${level} session needs ${level === 'NATIONAL' ? 'neither a province nor a commune' : level === 'PROVINCE' ? 'a provinceCode and no communeCode' : 'a communeCode and no provinceCode'}.`,
      [level === 'COMMUNE' ? 'communeCode' : 'provinceCode'],
    ),
  unitNotInForce: (field: 'provinceCode' | 'communeCode', date: string) =>
    new DomainError(field === 'provinceCode' ? 'PROVINCE_NOT_IN_FORCE' : 'COMMUNE_NOT_IN_FORCE', `No such unit in force on ${date}.`, [field]),
  nationalTrainingAdminOnly: () =>
    new DomainError('NATIONAL_TRAINING_ADMIN_ONLY', 'Only an ADMIN client schedules or changes a NATIONAL session.', ['level']),
  organiserNameRequired: () => new DomainError('ORGANISER_NAME_REQUIRED', 'The organiser needs a name.', ['organiserName']),
  titleRequired: () => new DomainError('TRAINING_TITLE_REQUIRED', 'The session needs a title.', ['title']),
  topicsRequired: () => new DomainError('TOPICS_REQUIRED', 'A session covers at least one topic.', ['topics']),
  duplicateTopic: () => new DomainError('DUPLICATE_TOPIC', 'A topic is listed twice.', ['topics']),
  attendeesRequired: () => new DomainError('ATTENDEES_REQUIRED', 'Give at least one person.', ['personIds']),
  duplicateAttendee: () => new DomainError('DUPLICATE_ATTENDEE', 'A person is listed twice.', ['personIds']),
  attendanceAlreadyRecorded: (personId: string) =>
    new DomainError('ATTENDANCE_ALREADY_RECORDED', `Person ${personId} is already recorded as attending.`, ['personIds']),
  personNotFound: (personId: string) => new DomainError('PERSON_NOT_FOUND', `No person ${personId}.`, ['personIds']),
  personForgotten: (personId: string) =>
    new DomainError('PERSON_FORGOTTEN', `Person ${personId} was erased; the record is closed.`, ['personIds']),
  reasonRequired: () => new DomainError('REASON_REQUIRED', 'Give a reason.', ['reason']),

  // Field activities and meetings
  activityAlreadyLogged: () => new DomainError('ACTIVITY_ALREADY_LOGGED', 'This activity id is already logged.'),
  activityNotFound: () => new DomainError('ACTIVITY_NOT_FOUND', 'No activity with this id.', ['activityId']),
  activityRetracted: () => new DomainError('ACTIVITY_RETRACTED', 'The activity was retracted; it can no longer change.', ['activityId']),
  meetingAlreadyRecorded: () => new DomainError('MEETING_ALREADY_RECORDED', 'This meeting id is already recorded.'),
  teamNotFound: () => new DomainError('TEAM_NOT_FOUND', 'No team with this id.', ['teamId']),
  teamNotActive: (date: string) => new DomainError('TEAM_NOT_ACTIVE', `The team was not active on ${date}.`, ['date']),
  dateInFuture: (today: string) => new DomainError('DATE_IN_FUTURE', `The date is after today (${today}).`, ['date']),
  villageNotFound: () => new DomainError('VILLAGE_NOT_FOUND', 'Unknown village.', ['villageId']),
  villageOutsideCommune: () => new DomainError('VILLAGE_OUTSIDE_COMMUNE', "The village is not in the team's commune.", ['villageId']),
  villageNotActive: (date: string) =>
    new DomainError('VILLAGE_NOT_ACTIVE', `The village did not exist on ${date} (not yet registered, or retired).`, ['villageId']),
  participantsRequired: () => new DomainError('PARTICIPANTS_REQUIRED', 'At least one team member took part.', ['participantIds']),
  duplicateParticipant: () => new DomainError('DUPLICATE_PARTICIPANT', 'A person is listed twice.', ['participantIds']),
  participantNotMember: (personId: string, date: string) =>
    new DomainError('PARTICIPANT_NOT_MEMBER', `Person ${personId} was not a member of the team on ${date}.`, ['participantIds']),
  figuresRequired: () => new DomainError('FIGURES_REQUIRED', 'Give the figures of at least one task category.', ['figures']),
  duplicateCategory: () => new DomainError('DUPLICATE_CATEGORY', 'A task category is listed twice.', ['figures']),
  figuresInvalid: () => new DomainError('FIGURES_INVALID', 'Figures are whole numbers, zero or more, below 1,000,000.', ['figures']),
  householdsExceedPeople: () =>
    new DomainError('HOUSEHOLDS_EXCEED_PEOPLE', 'More households than people guided: every household guided is guided through a person.', ['figures']),
  figuresUnchanged: () => new DomainError('FIGURES_UNCHANGED', 'The figures are the ones already recorded.', ['figures']),
  meetingWithoutLeader: (date: string) =>
    new DomainError('MEETING_WITHOUT_LEADER', `The team had no leader on ${date} to convene the meeting.`, ['date']),
  attendeeNotMember: (personId: string, date: string) =>
    new DomainError('ATTENDEE_NOT_MEMBER', `Person ${personId} was not a member of the team on ${date}.`, ['attendeeIds']),
  duplicateMeetingAttendee: () => new DomainError('DUPLICATE_ATTENDEE', 'A person is listed twice.', ['attendeeIds']),
  meetingAttendeesRequired: () => new DomainError('ATTENDEES_REQUIRED', 'At least one member attended.', ['attendeeIds']),
  textInvalid: (field: string) => new DomainError('TEXT_INVALID', 'Each entry is 1 to 1,000 characters.', [field]),
} as const;
