import type { EventStore } from '@cdtt/event-sourcing';
import { ProgressBar, type ProgressOutput } from '@cdtt/platform';
import { targetPlanDecider, targetPlanStreamName, type TargetPlanEvent } from '@cdtt/reporting';
import type { NewCommune } from '../model/country';
import type { SeededRandom } from '../model/seeded-random';
import { decideStream } from '../plan/materialize';
import { planTargets, targetPlanScopes } from '../plan/target-plan';

export interface TargetsWritten {
  /** Plans the scale takes part in, and those this run appended to. */
  readonly plans: number;
  readonly appended: number;
  readonly events: number;
}

/**
 * Each province's yearly target plan for the communes of the scale, after the communes are
 * written. A plan is one stream per province and year shared by every commune of it, so it is read
 * first and only the targets still missing are decided (from its stored state) and appended with
 * the revision read: a province-scale run on top of a commune-scale one completes the plans the
 * smaller run began.
 */
export async function writeTargetPlans(
  store: EventStore,
  communes: readonly NewCommune[],
  root: SeededRandom,
  today: string,
  progress: ProgressOutput | null,
): Promise<TargetsWritten> {
  const scopes = targetPlanScopes(communes, today);
  const bar = progress ? new ProgressBar(scopes.length, 'target plans', progress, undefined, 'plans') : null;
  let events = 0;
  let appended = 0;
  for (const scope of scopes) {
    const streamName = targetPlanStreamName(scope.provinceCode, String(scope.year));
    const stored = await store.readStream(streamName);
    const state = stored.reduce((s, e) => targetPlanDecider.evolve(s, { type: e.type, data: e.data } as TargetPlanEvent), targetPlanDecider.initialState);
    const key = `${scope.provinceCode}-${scope.year}`;
    const commands = planTargets(root.fork(`targets:${key}`), scope, new Set(state.targets.keys()), today);
    if (commands.length > 0) {
      const append = decideStream(targetPlanDecider, streamName, commands, root.fork(`target-events:${key}:${stored.length}`), `synthetic-targets-${key}`, state);
      await store.appendToStream(streamName, append.events, { expected: stored.at(-1)?.revision ?? 'no_stream' });
      events += append.events.length;
      appended += 1;
    }
    bar?.advance(1);
  }
  bar?.finish();
  return { plans: scopes.length, appended, events };
}
