import { Pool } from 'pg';
import { activityTargets, logActivityBody } from './activity-targets';
import { addMemberBody, today } from './commands.bench';
import type { Figures } from './figures';
import { graphqlLoad } from './graphql-load';
import { percentile } from './load-loop';

/**
 * Seconds between now and the oldest event a projection has not processed yet, the worst
 * projection counted; 0 when all are caught up. Positions are `<tx_id>-<global_position>` padded
 * decimals (the adapter's format); through numeric so leading zeros are not read as octal.
 */
const LAG = `
  SELECT coalesce(max(extract(epoch FROM clock_timestamp() - l.recorded_at)), 0)::float8 AS lag
  FROM projection_checkpoints c
  CROSS JOIN LATERAL (
    SELECT e.recorded_at FROM event_store.events e
    WHERE (e.tx_id, e.global_position) > ((split_part(c.position, '-', 1)::numeric)::text::xid8, split_part(c.position, '-', 2)::bigint)
      AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.tx_id, e.global_position LIMIT 1) l
  WHERE c.position IS NOT NULL`;

/**
 * The field's write mix: one member joining for every four field days logged. The national data
 * set has about 450,000 members and 2 million activities (18 % joins); a join is the dearer command
 * (two appends and the teams projection's wait), so this rounds the mix towards it.
 */
const JOINS_PER_FIVE = 1;

function fieldMix(join: () => string, logDay: () => string): () => string {
  let sent = 0;
  return () => {
    sent += 1;
    return sent % 5 < JOINS_PER_FIVE ? join() : logDay();
  };
}

/**
 * Item 5: projection lag sampled every 100 ms while commands run at a steady 200/s: the field's
 * mix (the item's figure), then addTeamMember alone (the dearest command, kept beside it).
 */
export async function lagBench(baseUrl: string, url: string, teamIds: readonly string[], seconds: number, figures: Figures): Promise<void> {
  const targets = await activityTargets(baseUrl, teamIds, 200);
  const loads: Array<[string, () => string]> = [
    ['the field\'s mix: 1 addTeamMember to 4 logActivity', fieldMix(addMemberBody(teamIds), logActivityBody(targets, today()))],
    ['addTeamMember only', addMemberBody(teamIds)],
  ];
  for (const [label, body] of loads) await lagUnder(label, body, url, baseUrl, seconds, figures);
}

async function lagUnder(label: string, body: () => string, url: string, baseUrl: string, seconds: number, figures: Figures): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1, application_name: 'cdtt-bench:lag' });
  // An idle client ended by the server (the bench drops its run databases WITH (FORCE)) must not crash the run.
  pool.on('error', () => undefined);
  const samples: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await pool.query<{ lag: number }>(LAG);
      samples.push((rows[0]?.lag ?? 0) * 1000);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const load = await graphqlLoad(baseUrl, { connections: 32, seconds, overallRate: 200, body });
    sampling = false;
    await sampler;
    samples.sort((a, b) => a - b);
    const p99 = percentile(samples, 99);
    figures.add({
      item: 5,
      name: `projection lag at a steady ${Math.round(load.requestsPerSecond)} commands/s (200 asked), ${label}`,
      database: 'postgres',
      value: percentile(samples, 50),
      unit: 'ms lag (p50)',
      p50Ms: percentile(samples, 50),
      p99Ms: p99,
      target: 'p99 < 1 s',
      met: p99 < 1000 && load.requestsPerSecond >= 190 && load.failures === 0,
      note: `${samples.length} samples; command latency p50 ${load.p50Ms} ms p99 ${load.p99Ms} ms; ${load.failures} failures${load.firstFailure ? `, first: ${load.firstFailure}` : ''}`,
    });
  } finally {
    sampling = false;
    await sampler.catch(() => undefined);
    await pool.end();
  }
}
