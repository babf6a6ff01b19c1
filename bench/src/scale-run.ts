import { Client } from 'pg';
import type { RawCommitRates } from './append.bench';
import { catchUpBench } from './catch-up.bench';
import { commandsBench } from './commands.bench';
import { createDatabase, dropDatabase, PREFIX } from './databases';
import type { Figures } from './figures';
import { lagBench } from './lag.bench';
import { childEnv, ENTRY, scratchDir, Service, waitForHealth } from './processes';
import { queriesBench, teamIds } from './queries.bench';

async function analyze(url: string): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'cdtt-bench:analyze' });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

export interface ScaleRunOptions {
  readonly serverUrl: string;
  readonly template: string;
  readonly scale: string;
  readonly seconds: number;
  readonly port: number;
  readonly items: ReadonlySet<number>;
  /** Seconds the projector gets to catch up before the scale is reported as not caught up. */
  readonly catchUpCapSeconds: number;
  readonly keep: boolean;
}

/**
 * One data set on the server, running: a fresh copy of its template, its projector (caught up from
 * zero, item 2) and, once caught up, the API without a projector of its own, so each process's
 * memory is its own. Closing stops both and drops the copy.
 */
export class RunningScale {
  private constructor(
    readonly options: ScaleRunOptions,
    readonly url: string,
    readonly baseUrl: string,
    readonly caughtUp: boolean,
    private readonly projector: Service,
    private readonly api: Service | null,
  ) {}

  static async start(options: ScaleRunOptions, figures: Figures): Promise<RunningScale> {
    const name = `${PREFIX}run_${options.scale.replace(/\W/g, '')}`;
    const url = await createDatabase(options.serverUrl, name, options.template);
    const { projector, caughtUp } = await catchUpBench(url, options.scale, options.catchUpCapSeconds, figures);
    const baseUrl = `http://127.0.0.1:${options.port}`;
    if (!caughtUp) return new RunningScale(options, url, baseUrl, false, projector, null);
    // A rebuild leaves the read models without planner statistics (autovacuum gets to them minutes
    // later): measured here, the province statistics ran 8× slower before ANALYZE than after.
    await analyze(url);
    const api = Service.start('api', ENTRY.api, childEnv(url, scratchDir('api'), { RUN_PROJECTOR: 'false', PORT: String(options.port), HOST: '127.0.0.1', DATABASE_POOL_SIZE: '10' }));
    const running = new RunningScale(options, url, baseUrl, true, projector, api);
    try {
      await waitForHealth(baseUrl, api);
    } catch (error) {
      await running.close();
      throw error;
    }
    return running;
  }

  /** Item 4 (and its share of 7). */
  async queries(figures: Figures): Promise<void> {
    await queriesBench(this.baseUrl, 'postgres', this.options.scale, this.options.seconds, figures);
  }

  /** Items 3, 5 and 6 under load, on this (the largest caught-up) scale. */
  async underLoad(rawRates: RawCommitRates | null, figures: Figures): Promise<void> {
    const { items, scale, seconds } = this.options;
    const ids = await teamIds(this.baseUrl, 2000);
    if (items.has(3)) await commandsBench(this.baseUrl, 'postgres', scale, ids, seconds, rawRates, figures);
    if (items.has(5)) await lagBench(this.baseUrl, this.url, ids, Math.max(seconds * 2, 10), figures);
    if (items.has(6)) {
      const apiRss = this.api?.peakRssMb() ?? 0;
      figures.add({ item: 6, name: 'peak RSS of the API (RUN_PROJECTOR=false)', database: 'postgres', scale, value: apiRss, unit: 'MB', target: '< 400 MB', met: apiRss < 400 });
      figures.add({ item: 6, name: 'peak RSS of the projector (catch-up and load)', database: 'postgres', scale, value: this.projector.peakRssMb() ?? 0, unit: 'MB' });
    }
  }

  async close(): Promise<void> {
    await this.api?.stop();
    await this.projector.stop();
    if (!this.options.keep) await dropDatabase(this.options.serverUrl, `${PREFIX}run_${this.options.scale.replace(/\W/g, '')}`);
  }
}
