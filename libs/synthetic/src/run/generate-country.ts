import type { EventStore } from '@cdtt/event-sourcing';
import { ProgressBar, type ProgressOutput } from '@cdtt/platform';
import type { Scale } from '../model/scale';
import { SeededRandom } from '../model/seeded-random';
import { planCommune } from '../plan/commune-plan';
import { materialize, phasesOf, type CommuneAppends, type StreamAppend } from '../plan/materialize';
import type { CommunePlan } from '../plan/plan.types';
import type { SealingSession } from './vault-sealer';
import { writeTargetPlans } from './write-targets';

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
  readonly trainings: number;
  readonly reports: number;
  /** Province target plans (one stream per province and year) and the assignments written into them. */
  readonly targetPlans: number;
  readonly targetEvents: number;
  readonly streams: number;
  readonly events: number;
  readonly elapsedMs: number;
}

/** Which parts of a commune's plan are still to write: the trainings and reports came later, so a data set may hold the rest already. */
interface Todo {
  readonly index: number;
  readonly core: boolean;
}

/** Events a plan will produce: one per command, two for a leader handover. */
function plannedEvents(plan: CommunePlan, core: boolean): number {
  let events = 0;
  for (const later of [...plan.trainings, ...plan.reports]) events += later.commands.length;
  if (!core) return events;
  events += plan.villages.length + plan.persons.length;
  for (const activity of plan.activities) events += activity.commands.length;
  for (const team of plan.teams) {
    for (const { command } of team.commands) events += command.type === 'ChangeMemberRole' && command.role === 'LEADER' ? 2 : 1;
  }
  return events;
}

async function appendAll(store: EventStore, appends: readonly StreamAppend[]): Promise<void> {
  for (const append of appends) await store.appendToStream(append.streamName, append.events, { expected: 'no_stream' });
}

const exists = async (store: EventStore, stream: string | undefined): Promise<boolean> => stream !== undefined && (await store.readStream(stream, { maxCount: 1 })).length > 0;

/** The villages to field days are written once the last of them (appended last) exists. */
function lastCoreStream(plan: CommunePlan): string | undefined {
  const activity = plan.activities.at(-1)?.activityId;
  const team = plan.teams.at(-1)?.teamId;
  return activity !== undefined ? `activity-${activity}` : team !== undefined ? `team-${team}` : undefined;
}

/** Trainings and reports are written once the last of them exists (or there are none). */
function lastLaterStream(plan: CommunePlan): string | null {
  const report = plan.reports.at(-1)?.reportId;
  const training = plan.trainings.at(-1)?.trainingId;
  return report !== undefined ? `report-${report}` : training !== undefined ? `training-${training}` : null;
}

/** Appends of the parts still to write, in phase order. */
const phasesToWrite = (appends: CommuneAppends, core: boolean): ReadonlyArray<readonly StreamAppend[]> => (core ? phasesOf(appends) : [appends.trainings, appends.reports]);

/**
 * Writes a synthetic country through the deciders and the store's own append path: one append per
 * new stream (all its events, expected `no_stream`), communes written by `concurrency` workers.
 * Within a commune villages commit before people, people before teams, teams before their field
 * days, then training sessions and yearly reports, as the API orders them; the provinces' target
 * plans last.
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
  const totals = { communes: communes.length, skippedCommunes: 0, villages: 0, teams: 0, persons: 0, activities: 0, trainings: 0, reports: 0, streams: 0, events: 0 };
  const todo: Todo[] = [];
  let planned = 0;
  for (let i = 0; i < communes.length; i += 1) {
    const plan = planOf(i);
    const core = !(await exists(options.store, lastCoreStream(plan)));
    const later = lastLaterStream(plan);
    if (!core && (later === null || (await exists(options.store, later)))) totals.skippedCommunes += 1;
    else {
      todo.push({ index: i, core });
      planned += plannedEvents(plan, core);
    }
  }
  const bar = options.progress ? new ProgressBar(planned, `generate ${options.scale.name}`, options.progress) : null;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let item = todo[next++]; item !== undefined; item = todo[next++]) {
      const plan = planOf(item.index);
      const sealing = options.sealing();
      // Materialized whole either way: event ids are drawn in phase order, so the later phases get the ids a full run gives them.
      const appends = await materialize(plan, root.fork(`events:${plan.communeCode}`), (id, fields) => sealing.seal(id, fields));
      if (item.core) await sealing.flush();
      const phases = phasesToWrite(appends, item.core);
      for (const phase of phases) await appendAll(options.store, phase);
      const events = phases.reduce((sum, phase) => sum + phase.reduce((n, a) => n + a.events.length, 0), 0);
      if (item.core) {
        totals.villages += plan.villages.length;
        totals.teams += plan.teams.length;
        totals.persons += plan.persons.length;
        totals.activities += plan.activities.length;
      }
      totals.trainings += plan.trainings.length;
      totals.reports += plan.reports.length;
      totals.streams += phases.reduce((sum, phase) => sum + phase.length, 0);
      totals.events += events;
      bar?.advance(events);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  bar?.finish();
  const targets = await writeTargetPlans(options.store, communes, root, options.today, options.progress);
  return {
    ...totals,
    targetPlans: targets.plans,
    targetEvents: targets.events,
    streams: totals.streams + targets.appended,
    events: totals.events + targets.events,
    elapsedMs: performance.now() - startedAt,
  };
}
