import { loadConfig, openRuntime, rebuildProjection } from '@cdtt/platform';
import { projectorProjections } from '../../apps/projector/src/projector.projections';
import { createDatabase, dropDatabase } from './databases';

/**
 * Catch-up cost per projection: each projection alone, from zero, over a copy of a data-set
 * template (the rebuild path: pages of 500 in one transaction each, into a shadow schema), so the
 * table shows where item 2's time goes. Usage, after `nest build bench`:
 *   node dist/bench/src/projection-profile.js <template database> [server url] [projection ...]
 */
async function main(): Promise<void> {
  const [template, serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', ...only] = process.argv.slice(2);
  if (!template) throw new Error('usage: projection-profile <template database> [server url] [projection ...]');
  const url = await createDatabase(serverUrl, 'cdtt_bench_profile', template);
  const runtime = await openRuntime(loadConfig({ DATABASE_URL: url, RUN_PROJECTOR: 'false', DATABASE_POOL_SIZE: '2' }), 'cdtt-bench:profile');
  try {
    const [{ n = 0 } = {}] = await runtime.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM event_store.events');
    console.log(`| projection | events applied | seconds | events/s (log) | applied/s |`);
    console.log(`|---|---|---|---|---|`);
    for (const projection of projectorProjections.filter((p) => only.length === 0 || only.includes(p.name))) {
      const start = performance.now();
      const result = await rebuildProjection({ dataSource: runtime.dataSource, store: runtime.eventStore, projection, owner: 'bench-profile', switchReads: false });
      const seconds = (performance.now() - start) / 1000;
      console.log(`| ${projection.name} | ${result.applied} | ${seconds.toFixed(1)} | ${Math.round(n / seconds)} | ${Math.round(result.applied / seconds)} |`);
      await runtime.dataSource.query(`DROP SCHEMA IF EXISTS "${result.schema}" CASCADE`);
    }
  } finally {
    await runtime.close();
    await dropDatabase(serverUrl, 'cdtt_bench_profile');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
