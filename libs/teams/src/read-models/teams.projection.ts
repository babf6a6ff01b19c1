import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import { PERSON_EVENT_TYPES } from '../domain/person.events';
import { TEAM_EVENT_TYPES } from '../domain/team.events';
import { applyGeographyEvent } from './geography-events.apply';
import { applyPersonEvent, registerPeople } from './person-events.apply';
import { applyTeamEvent, joinMembersOfRun } from './team-events.apply';
import { applyTeamRearrangementEvent } from './team-rearrangement-events.apply';
import { applyTeamSuccessionEvent } from './team-succession-events.apply';

export const TEAMS_PROJECTION = 'teams_v1';

const GEOGRAPHY_TYPES = ['AdministrativeUnitRecorded', 'VillageRegistered', 'VillageRenamed', 'VillageRetired', 'VillageMoved'] as const;
const teamTypes = new Set<string>(TEAM_EVENT_TYPES);
const personTypes = new Set<string>(PERSON_EVENT_TYPES);

/**
 * `teams_v1`: one projection (one checkpoint) writes every teams table — teams, memberships,
 * coverage, people and the geography copies — because the Youth Union flag joins memberships with
 * people: with separate checkpoints a replay could see them at different points of the log.
 */
export const teamsProjection: PostgresProjection = {
  name: TEAMS_PROJECTION,
  eventTypes: [...TEAM_EVENT_TYPES, ...PERSON_EVENT_TYPES, ...GEOGRAPHY_TYPES],
  apply: applyOne,
  applyPage,
};

/**
 * Events written a run at a time: consecutive member joins (a new team's roster: most team events)
 * and consecutive registrations (its members, registered just before). Each touches rows of its
 * own kind only, so a run in one statement leaves what one statement per event leaves.
 */
const RUNS = {
  join: { accepts: (e: RecordedEvent) => e.type === 'MemberJoined' && e.streamName.startsWith('team-'), write: joinMembersOfRun },
  register: { accepts: (e: RecordedEvent) => e.type === 'PersonRegistered' && e.streamName.startsWith('person-'), write: registerPeople },
} as const;
type RunKind = keyof typeof RUNS;

const runKindOf = (event: RecordedEvent): RunKind | null => (RUNS.join.accepts(event) ? 'join' : RUNS.register.accepts(event) ? 'register' : null);

/**
 * In log order, except that each run is written at once; anything else first writes the run
 * before it. `withRecordedClock` hands over runs of one recorded instant, so the history sees one
 * instant per statement.
 */
async function applyPage(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  let run: RecordedEvent[] = [];
  let kind: RunKind | null = null;
  for (const event of events) {
    const eventKind = runKindOf(event);
    if (eventKind !== kind && kind !== null) {
      await RUNS[kind].write(run, manager);
      run = [];
    }
    kind = eventKind;
    if (eventKind === null) await applyOne(event, manager);
    else run.push(event);
  }
  if (kind !== null) await RUNS[kind].write(run, manager);
}

async function applyOne(event: RecordedEvent, manager: EntityManager): Promise<void> {
  // A type name alone is not proof of origin: only the aggregate's own streams are read, so an
  // event of the same name written elsewhere (a test, a tool) cannot poison the read model.
  if (teamTypes.has(event.type)) {
    if (!event.streamName.startsWith('team-')) return;
    await applyTeamEvent(event, manager);
    await applyTeamRearrangementEvent(event, manager);
    return applyTeamSuccessionEvent(event, manager);
  }
  if (personTypes.has(event.type)) return event.streamName.startsWith('person-') ? applyPersonEvent(event, manager) : undefined;
  return applyGeographyEvent(event, manager);
}
