import { createDataSource, runMigrations } from '@cdtt/platform';
import { Pool } from 'pg';
import { adapterContender, emmettContender, rawContender, RAW_TABLE_DDL, type Contender } from './append-contenders';
import type { Figures } from './figures';
import { closedLoop, merge, perSecond, type LoadResult } from './load-loop';

const ROUNDS = 3;

export interface AppendOptions {
  readonly url: string;
  readonly database: 'postgres' | 'embedded';
  readonly seconds: number;
  readonly writers: readonly number[];
}

/** The raw single-event commit rates item 3 compares commands with, by writer count. */
export type RawCommitRates = Map<number, number>;

async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1, applicationName: 'cdtt-bench:migrate' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await dataSource.query(RAW_TABLE_DDL);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Item 1: the adapter, a raw INSERT of the same rows, and emmett-postgresql, each appending 1 and 10
 * events per command with 1 and 4 writers, one after another on the same database.
 */
export async function appendBench(options: AppendOptions, figures: Figures): Promise<RawCommitRates> {
  await migrate(options.url);
  const rawRates: RawCommitRates = new Map();
  for (const writers of options.writers) {
    // One pool per shape, sized to the writers, shared by the three contenders in turn.
    const pool = new Pool({ connectionString: options.url, max: options.database === 'embedded' ? 1 : writers, application_name: 'cdtt-bench:append' });
    // An idle client ended by the server (the bench drops its run databases WITH (FORCE)) must not crash the run.
    pool.on('error', () => undefined);
    const adapter = adapterContender(pool);
    const emmett = await emmettContender(options.url, pool);
    try {
      for (const count of [1, 10]) {
        // Three interleaved rounds each: a shared, noisy machine drifts, and every contender
        // should see the same drift.
        const rounds: Record<'raw' | 'ours' | 'peer', LoadResult[]> = { raw: [], ours: [], peer: [] };
        const contenders: Array<['raw' | 'ours' | 'peer', Contender]> = [['raw', rawContender(pool)], ['ours', adapter.append], ['peer', emmett.append]];
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const [key, contender] of contenders) rounds[key].push(await closedLoop(writers, options.seconds / ROUNDS, () => contender(count)));
        }
        const [raw, ours, peer] = [merge(rounds.raw), merge(rounds.ours), merge(rounds.peer)];
        const rawRate = perSecond(raw);
        if (count === 1) rawRates.set(writers, perSecond(raw, 'operations'));
        const shape = `${count} event${count > 1 ? 's' : ''}/command, ${writers} writer${writers > 1 ? 's' : ''}`;
        const common = { item: 1, database: options.database, unit: 'events/s' } as const;
        figures.add({ ...common, name: `append raw INSERT, ${shape}`, value: rawRate, p50Ms: raw.p50Ms, p99Ms: raw.p99Ms });
        figures.add({ ...common, name: `append emmett-postgresql, ${shape}`, value: perSecond(peer), p50Ms: peer.p50Ms, p99Ms: peer.p99Ms, baselineName: 'raw', baseline: rawRate, ratio: perSecond(peer) / rawRate });
        const ratio = perSecond(ours) / rawRate;
        figures.add({
          ...common,
          name: `append adapter, ${shape}`,
          value: perSecond(ours),
          p50Ms: ours.p50Ms,
          p99Ms: ours.p99Ms,
          baselineName: 'raw',
          baseline: rawRate,
          ratio,
          target: '≥ 0.6 × raw, ≥ emmett',
          met: ratio >= 0.6 && perSecond(ours) >= perSecond(peer),
          note: `adapter / emmett = ${(perSecond(ours) / perSecond(peer)).toFixed(2)}`,
        });
      }
    } finally {
      await adapter.close();
      await emmett.close();
      await pool.end().catch(() => undefined);
    }
  }
  return rawRates;
}
