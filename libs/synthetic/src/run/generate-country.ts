import type { EventStore } from '@cdtt/event-sourcing';
import { ProgressBar, type ProgressOutput } from '@cdtt/platform';
import type { Scale } from '../model/scale';
import { SeededRandom } from '../model/seeded-random';
import { planCommune } from '../plan/commune-plan';
import { eventCount, materialize, type StreamAppend } from '../plan/materialize';
import type { CommunePlan } from '../plan/plan.types';
import type { SealingSession } from './vault-sealer';

export interface GenerateOptions {
  readonly store: EventStore;
  readonly scale: Scale;
  readonly seed: number;
  /** Last civil date of the data set; part of what the seed reproduces. */
  readonly today: string;
  /** Communes written at the same time (each by one worker, appends in order). */
  readonly concurrency: number;
  readonly sealing: () => SealingSession;
  readonly progress: ProgressOutput | null;
}

export interface GenerateSummary {
  /** Communes found written already (by an earlier run with the same seed): left as they are. */
  readonly skippedCommunes: number;
  readonly communes: number;
  readonly villages: number;
  readonly teams: number;
  readonly persons: number;
  readonly activities: number;
  readonly streams: number;
  readonly events: number;
  readonly elapsedMs: number;
}

/** Events a plan will produce: one per command, two for a leader handover. */
function plannedEvents(plan: CommunePlan): number {
  let events = plan.villages.length + plan.persons.length;
  for (const activity of plan.activities) events += activity.commands.length;
  for (const team of plan.teams) {
    for (const { command } of team.commands) events += command.type === 'ChangeMemberRole' && command.role === 'LEADER' ? 2 : 1;
  }
  return events;
}

async function appendAll(store: EventStore, appends: readonly StreamAppend[]): Promise<void> {
  for (const append of appends) await store.appendToStream(append.streamName, append.events, { expected: 'no_stream' });
}

/** A commune is written once the last stream of its plan (appended last) exists. */
async function written(store: EventStore, plan: CommunePlan): Promise<boolean> {
  const activity = plan.activities.at(-1)?.activityId;
  const team = plan.teams.at(-1)?.teamId;
  const last = activity !== undefined ? `activity-${activity}` : team !== undefined ? `team-${team}` : undefined;
  if (last === undefined) return false;
  return (await store.readStream(last, { maxCount: 1 })).length > 0;
}

/**
 * Writes a synthetic country through the deciders and the store's own append path: one append per
 * new stream (all its events, expected `no_stream`), communes written by `concurrency` workers.
 * Within a commune villages commit before people, people before teams and teams before their field
 * days, as the API orders them.
 * Each commune's plan depends only on the seed and its code, so a province-scale run on top of a
 * commune-scale one (or national on province) writes only the communes still missing.
 */
export async function generateCountry(options: GenerateOptions): Promise<GenerateSummary> {
  const startedAt = performance.now();
  const root = new SeededRandom(options.seed);
  const { communes, density } = options.scale;
  const planOf = (index: number): CommunePlan => {
    const commune = communes[index];
    if (!commune) throw new RangeError(`no commune #${index}`);
    return planCommune(commune, root.fork(`plan:${commune.code}`), { density, today: options.today });
  };
  const totals = { communes: communes.length, skippedCommunes: 0, villages: 0, teams: 0, persons: 0, activities: 0, streams: 0, events: 0 };
  const todo: number[] = [];
  let planned = 0;
  for (let i = 0; i < communes.length; i += 1) {
    const plan = planOf(i);
    if (await written(options.store, plan)) totals.skippedCommunes += 1;
    else {
      todo.push(i);
      planned += plannedEvents(plan);
    }
  }
  const bar = options.progress ? new ProgressBar(planned, `generate ${options.scale.name}`, options.progress) : null;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = todo[next++]; index !== undefined; index = todo[next++]) {
      const plan = planOf(index);
      const sealing = options.sealing();
      const appends = await materialize(plan, root.fork(`events:${plan.communeCode}`), (id, fields) => sealing.seal(id, fields));
      await sealing.flush();
      await appendAll(options.store, appends.villages);
      await appendAll(options.store, appends.persons);
      await appendAll(options.store, appends.teams);
      await appendAll(options.store, appends.activities);
      const events = eventCount(appends);
      totals.villages += plan.villages.length;
      totals.teams += plan.teams.length;
      totals.persons += plan.persons.length;
      totals.activities += plan.activities.length;
      totals.streams += appends.villages.length + appends.persons.length + appends.teams.length + appends.activities.length;
      totals.events += events;
      bar?.advance(events);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  bar?.finish();
  return { ...totals, elapsedMs: performance.now() - startedAt };
}
