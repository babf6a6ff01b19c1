import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import { ACTIVITY_EVENT_TYPES } from '../domain/activity.events';
import { MEETING_EVENT_TYPES } from '../domain/meeting.events';
import { TRAINING_EVENT_TYPES } from '../domain/training.events';
import { applyActivityEvent, applyMeetingEvent, correctActivities, logActivities } from './activity-events.apply';
import { applyGeographyCopy, applyTeamCopy, COPIED_GEOGRAPHY_TYPES, COPIED_TEAM_TYPES, joinMembers } from './team-copy.apply';
import { applyTrainingEvent } from './training-events.apply';

export const FIELDWORK_PROJECTION = 'fieldwork_v1';

const owners = new Map<string, string>([
  ...TRAINING_EVENT_TYPES.map((t) => [t, 'training-'] as const),
  ...ACTIVITY_EVENT_TYPES.map((t) => [t, 'activity-'] as const),
  ...MEETING_EVENT_TYPES.map((t) => [t, 'meeting-'] as const),
  ...COPIED_TEAM_TYPES.map((t) => [t, 'team-'] as const),
]);

async function applyOne(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const prefix = owners.get(event.type);
  if (prefix === undefined) return applyGeographyCopy(event, manager);
  // A type name alone is not proof of origin: only the aggregate's own streams are read.
  if (!event.streamName.startsWith(prefix)) return;
  if (prefix === 'training-') return applyTrainingEvent(event, manager);
  if (prefix === 'activity-') return applyActivityEvent(event, manager);
  if (prefix === 'meeting-') return applyMeetingEvent(event, manager);
  return applyTeamCopy(event, manager);
}

/**
 * Logged activities first, then the corrections of the run: a correction touches only its own
 * activity, which its stream logged before it (earlier in the run, or before the run).
 */
async function logAndCorrect(run: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  await logActivities(run.filter((e) => e.type === 'ActivityLogged'), manager);
  await correctActivities(run.filter((e) => e.type === 'ActivityCorrected'), manager);
}

/** Events that touch only rows of their own, so a run of one kind can be written at once. */
const RUNS = {
  activity: { accepts: (e: RecordedEvent) => (e.type === 'ActivityLogged' || e.type === 'ActivityCorrected') && e.streamName.startsWith('activity-'), write: logAndCorrect },
  member: { accepts: (e: RecordedEvent) => e.type === 'MemberJoined' && e.streamName.startsWith('team-'), write: joinMembers },
} as const;
type RunKind = keyof typeof RUNS;

const runKindOf = (event: RecordedEvent): RunKind | null => (RUNS.activity.accepts(event) ? 'activity' : RUNS.member.accepts(event) ? 'member' : null);

/** Each run of consecutive events of one kind in a few statements, anything else one at a time, in order. */
async function applyInRuns(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  let run: RecordedEvent[] = [];
  let kind: RunKind | null = null;
  const flush = async (): Promise<void> => {
    if (kind !== null) await RUNS[kind].write(run, manager);
    run = [];
    kind = null;
  };
  for (const event of events) {
    const eventKind = runKindOf(event);
    if (eventKind !== kind) await flush();
    if (eventKind === null) {
      await applyOne(event, manager);
      continue;
    }
    kind = eventKind;
    run.push(event);
  }
  await flush();
}

const activityTypes = new Set<string>(ACTIVITY_EVENT_TYPES);
const isActivityEvent = (event: RecordedEvent): boolean => activityTypes.has(event.type) && event.streamName.startsWith('activity-');

/**
 * A page as two sequences, each in log order: the activities' own events, and everything else.
 * They write disjoint tables and neither reads the other's (an activity row is built from its own
 * events only; team, geography, training and meeting rows never look at activities), so this leaves
 * the rows of one event at a time. Apart, the activities form long runs (one statement for the
 * logged, three for the corrected) where the log interleaves them with other communes' villages,
 * people and teams; within each sequence a run is written before the next event of another kind.
 */
async function applyPage(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  await applyInRuns(events.filter((event) => !isActivityEvent(event)), manager);
  await applyInRuns(events.filter(isActivityEvent), manager);
}

/**
 * `fieldwork_v1`: one projection (one checkpoint) for every field-work table and its copies of
 * team and geography facts, because "members trained" joins attendance with memberships and
 * household shares join activities with villages: with separate checkpoints a replay could see
 * them at different points of the log.
 */
export const fieldworkProjection: PostgresProjection = {
  name: FIELDWORK_PROJECTION,
  eventTypes: [...TRAINING_EVENT_TYPES, ...ACTIVITY_EVENT_TYPES, ...MEETING_EVENT_TYPES, ...COPIED_TEAM_TYPES, ...COPIED_GEOGRAPHY_TYPES],
  apply: applyOne,
  applyPage,
  // Lists and figures by unit, team and day; handlers find activities and figures by activity id.
  queryOnlyIndexes: [
    'fw_activities_v1_province',
    'fw_activities_v1_commune',
    'fw_activities_v1_team',
    'fw_activities_v1_held',
    'fw_activity_figures_v1_province',
    'fw_activity_figures_v1_commune',
    'fw_activity_figures_v1_team',
    'fw_activity_figures_v1_held',
  ],
};

/** Every projection of the field-work context, for the projector. */
export const FIELDWORK_PROJECTIONS: readonly PostgresProjection[] = [fieldworkProjection];
