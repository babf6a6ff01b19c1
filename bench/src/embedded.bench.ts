import { startEmbeddedPostgres } from '@cdtt/platform';
import { appendBench } from './append.bench';
import { commandsBench } from './commands.bench';
import { embeddedDataset } from './datasets';
import type { Figures } from './figures';
import { graphql } from './graphql-load';
import { childEnv, ENTRY, scratchDir, Service, waitForHealth } from './processes';
import { queriesBench, teamIds } from './queries.bench';

/** Item 1 on the embedded PGlite (one backend: one writer only, and one pool connection). */
export async function embeddedAppend(seconds: number, figures: Figures): Promise<void> {
  const embedded = await startEmbeddedPostgres(scratchDir('pglite-append'));
  try {
    await appendBench({ url: embedded.url, database: 'embedded', seconds, writers: [1] }, figures);
  } finally {
    await embedded.stop();
  }
}

async function waitForProjections(baseUrl: string, api: Service): Promise<void> {
  for (;;) {
    if (!api.alive) throw new Error(`api exited:\n${api.recentLog()}`);
    const data = await graphql<{ projections: { lagEvents: number }[] }>(baseUrl, '{ projections { lagEvents } }');
    if (data.projections.length > 0 && data.projections.every((p) => p.lagEvents === 0)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Items 3 and 4 on the embedded default: `npm start` as shipped (API and projector in one process,
 * PGlite in it), on the commune-scale data set (a national one would take hours to load there).
 */
export async function embeddedApi(seed: number, seconds: number, port: number, items: ReadonlySet<number>, figures: Figures): Promise<void> {
  const dataDir = await embeddedDataset(seed);
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = Service.start('api (embedded)', ENTRY.api, childEnv(null, dataDir, { PORT: String(port), HOST: '127.0.0.1' }));
  try {
    await waitForHealth(baseUrl, api);
    await waitForProjections(baseUrl, api);
    if (items.has(4)) await queriesBench(baseUrl, 'embedded', 'commune', seconds, figures);
    if (items.has(3)) await commandsBench(baseUrl, 'embedded', 'commune', await teamIds(baseUrl, 100), seconds, null, figures);
  } finally {
    await api.stop();
  }
}
