import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import { PERSON_EVENT_TYPES } from '../domain/person.events';
import { TEAM_EVENT_TYPES } from '../domain/team.events';
import { applyGeographyEvent } from './geography-events.apply';
import { applyPersonEvent } from './person-events.apply';
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
  // The list's orders and the portal filters (ADR 0020); handlers find teams by id or commune.
  queryOnlyIndexes: [
    'teams_v1_name_order',
    'teams_v1_established_order',
    'teams_v1_shared_name_order',
    'teams_v1_province_name_order',
    'teams_v1_province_established_order',
    'teams_v1_province_commune',
    'teams_v1_visible_provinces',
    // The histories' keys, for RECORDED reads of one team (ADR 0026); the history trigger finds
    // the version it closes by its row key, never by these.
    'teams_v1_history_id',
    'team_memberships_v1_history_team',
    'people_v1_history_person',
    'team_coverage_v1_history_team',
    'team_villages_v1_history_village',
  ],
};

const joinsMember = (event: RecordedEvent): boolean => event.type === 'MemberJoined' && event.streamName.startsWith('team-');

/**
 * In log order, except that each run of consecutive member joins (a new team's roster: most team
 * events) is written at once; anything else first writes the run before it. `withRecordedClock`
 * hands over runs of one recorded instant, so the history sees one instant per statement.
 */
async function applyPage(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  let run: RecordedEvent[] = [];
  for (const event of events) {
    if (joinsMember(event)) {
      run.push(event);
      continue;
    }
    if (run.length > 0) await joinMembersOfRun(run, manager);
    run = [];
    await applyOne(event, manager);
  }
  if (run.length > 0) await joinMembersOfRun(run, manager);
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
