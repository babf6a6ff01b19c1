import { DomainError, type Actor, type Decider, type DomainEvent, type NewEvent } from '@cdtt/event-sourcing';
import { activityDecider, activityStreamName, trainingDecider, trainingStreamName } from '@cdtt/fieldwork';
import { reportDecider, reportStreamName } from '@cdtt/reporting';
import { villageDecider, villageStreamName } from '@cdtt/geography';
import { personDecider, personStreamName, teamDecider, teamStreamName, type PersonCommand, type SealedPersonalData } from '@cdtt/teams';
import { effectiveAtOf } from '@cdtt/platform';
import type { SeededRandom } from '../model/seeded-random';
import type { CommunePlan, DatedCommand, PlannedPersonalFields } from './plan.types';
import { syntheticId } from './synthetic-ids';

/** Seals a person's fields as the API does (the vault, with a data key per person). */
export type Sealer = (personId: string, fields: PlannedPersonalFields) => Promise<SealedPersonalData>;

/** One append: a new stream and all its events, written with expected state `no_stream`. */
export interface StreamAppend {
  readonly streamName: string;
  readonly events: readonly NewEvent[];
}

/** The appends of one commune in phases; each phase commits before the next starts. */
export interface CommuneAppends {
  readonly villages: readonly StreamAppend[];
  readonly persons: readonly StreamAppend[];
  readonly teams: readonly StreamAppend[];
  readonly activities: readonly StreamAppend[];
  readonly trainings: readonly StreamAppend[];
  readonly reports: readonly StreamAppend[];
}

/** The phases in write order. */
export const phasesOf = (appends: CommuneAppends): ReadonlyArray<readonly StreamAppend[]> => [
  appends.villages, appends.persons, appends.teams, appends.activities, appends.trainings, appends.reports,
];

export const GENERATOR_ACTOR: Actor = { clientId: 'synthetic-generator', role: 'ADMIN' };

/**
 * Runs each command of a stream through its decider (decide, then evolve), from `from` (the state
 * of the events already stored, else a new stream), so the data set obeys every domain rule; a
 * rejection is a bug in the plan and stops the run.
 */
export function decideStream<C, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  streamName: string,
  commands: readonly DatedCommand<C>[],
  random: SeededRandom,
  correlationId: string,
  from: S = decider.initialState,
): StreamAppend {
  let state = from;
  const events: NewEvent[] = [];
  for (const { command, date } of commands) {
    const decided = decider.decide(command, state);
    if (decided instanceof DomainError) throw new Error(`synthetic plan broke a rule in ${streamName}: ${decided.code} ${decided.message}`);
    const metadata = { correlationId, causationId: null, actor: GENERATOR_ACTOR, effectiveAt: effectiveAtOf(date) };
    for (const event of decided) {
      events.push({ id: syntheticId(random, date), type: event.type, schemaVersion: 1, data: event.data, metadata });
      state = decider.evolve(state, event);
    }
  }
  return { streamName, events };
}

/** Turns a commune's plan into appends; `random` only draws event and correlation ids. */
export async function materialize(plan: CommunePlan, random: SeededRandom, seal: Sealer): Promise<CommuneAppends> {
  const correlationId = `synthetic-${plan.communeCode}`;
  const villages = plan.villages.map((v) => decideStream(villageDecider, villageStreamName(v.command.villageId), [v], random, correlationId));
  const persons: StreamAppend[] = [];
  for (const person of plan.persons) {
    const { personId, youthUnionSince, youthUnionUntil, registeredOn } = person;
    const command: PersonCommand = { type: 'RegisterPerson', personId, personal: await seal(personId, person.fields), youthUnionSince, youthUnionUntil };
    persons.push(decideStream(personDecider, personStreamName(personId), [{ command, date: registeredOn }], random, correlationId));
  }
  const teams = plan.teams.map((t) => decideStream(teamDecider, teamStreamName(t.teamId), t.commands, random, correlationId));
  const activities = plan.activities.map((a) => decideStream(activityDecider, activityStreamName(a.activityId), a.commands, random, correlationId));
  // Drawn after everything else, so the ids of the phases above stay as a seed made them.
  const trainings = plan.trainings.map((t) => decideStream(trainingDecider, trainingStreamName(t.trainingId), t.commands, random, correlationId));
  const reports = plan.reports.map((r) => decideStream(reportDecider, reportStreamName(r.reportId), r.commands, random, correlationId));
  return { villages, persons, teams, activities, trainings, reports };
}

export function eventCount(appends: CommuneAppends): number {
  let count = 0;
  for (const phase of phasesOf(appends)) for (const a of phase) count += a.events.length;
  return count;
}
