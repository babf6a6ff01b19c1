/** GraphQL documents of the field-work e2e tests. */
const ERRORS = 'version userErrors { code field message }';
const TRAINING = `id title level mode heldOn provinceCode communeCode topics status completedOn cancelledOn cancelReason attendeeCount attendeeIds version`;
const FIGURES = `category peopleGuided householdsGuided visits accountsCreated publicServiceDossiersFiled sellersOnboarded epaymentAccountsOpened`;
export const ACTIVITY = `id teamId communeCode provinceCode villageId date participantIds status corrections retractedOn retractReason version
  figures { ${FIGURES} } history { kind revision on reason figures { ${FIGURES} } }`;
const MEETING = 'id teamId date convenedBy attendeeIds decisions initiatives version';

export const FIELDWORK_MUTATIONS = {
  scheduleTraining: `mutation($input: ScheduleTrainingInput!) { scheduleTraining(input: $input) { training { ${TRAINING} } ${ERRORS} } }`,
  recordTrainingAttendance: `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { training { ${TRAINING} } ${ERRORS} } }`,
  completeTraining: `mutation($input: CompleteTrainingInput!) { completeTraining(input: $input) { training { ${TRAINING} } ${ERRORS} } }`,
  cancelTraining: `mutation($input: CancelTrainingInput!) { cancelTraining(input: $input) { training { ${TRAINING} } ${ERRORS} } }`,
  logActivity: `mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { ${ACTIVITY} } ${ERRORS} } }`,
  correctActivity: `mutation($input: CorrectActivityInput!) { correctActivity(input: $input) { activity { ${ACTIVITY} } ${ERRORS} } }`,
  retractActivity: `mutation($input: RetractActivityInput!) { retractActivity(input: $input) { activity { ${ACTIVITY} } ${ERRORS} } }`,
  recordMeeting: `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`,
} as const;

export type FieldworkMutation = keyof typeof FIELDWORK_MUTATIONS;

export const FIELDWORK_FIGURES = `period from to trainingSessionsHeld membersTrained members membersTrainedShare activitiesLogged activitiesCorrected
  activitiesRetracted peopleGuided householdsGuided visits accountsCreated publicServiceDossiersFiled sellersOnboarded epaymentAccountsOpened
  meetingsHeld householdsReached households householdsReachedShare byCategory { ${FIGURES} } measures { key value }`;

export interface FieldworkPayload {
  training?: { id: string; status: string; attendeeIds: string[]; version: number; provinceCode: string | null } | null;
  activity?: { id: string; status: string; corrections: number; version: number; history: Array<{ kind: string; figures: unknown[] | null }> } | null;
  meeting?: { id: string; convenedBy: string; attendeeIds: string[] } | null;
  version: number | null;
  userErrors: Array<{ code: string; field: string[] | null; message: string }>;
}

export interface Figures {
  trainingSessionsHeld: number;
  membersTrained: number;
  members: number;
  membersTrainedShare: number | null;
  activitiesLogged: number;
  activitiesCorrected: number;
  activitiesRetracted: number;
  peopleGuided: number;
  householdsGuided: number;
  visits: number;
  accountsCreated: number;
  publicServiceDossiersFiled: number;
  sellersOnboarded: number;
  epaymentAccountsOpened: number;
  meetingsHeld: number;
  householdsReached: number;
  households: number;
  householdsReachedShare: number | null;
  byCategory: Array<Record<string, number | string>>;
  measures: Array<{ key: string; value: number }>;
}
