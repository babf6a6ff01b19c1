import { PostgresEventStore } from '@cdtt/event-store-postgres';
import { Pool } from 'pg';
import type { Figures } from './figures';
import { childEnv, ENTRY, scratchDir, Service } from './processes';

/** Rows per page of the raw scan: the projection runner's default batch. */
const SCAN_PAGE = 500;

const SCAN = `
  SELECT e.event_id::text AS id, e.type, e.schema_version::text AS schema_version, e.data::text AS data,
         e.metadata::text AS metadata, e.stream_name, e.revision::text AS revision,
         e.tx_id::text AS tx_id, e.global_position::text AS global_position, e.recorded_at
  FROM event_store.events e
  WHERE (e.tx_id, e.global_position) > ($1::xid8, $2::bigint)
  ORDER BY e.tx_id, e.global_position LIMIT ${SCAN_PAGE}`;

/** The baseline: every event read in log order, page by page, as text, with nothing done to it. */
async function rawScan(pool: Pool): Promise<{ events: number; seconds: number }> {
  const start = performance.now();
  let after: [string, string] = ['0', '0'];
  let events = 0;
  for (;;) {
    const { rows } = await pool.query<{ tx_id: string; global_position: string }>(SCAN, after);
    events += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < SCAN_PAGE) break;
    after = [last.tx_id, last.global_position];
  }
  return { events, seconds: (performance.now() - start) / 1000 };
}

interface CatchUpState {
  readonly firstUpdate: Date | null;
  readonly projections: number;
  readonly behind: number;
  readonly lastUpdate: Date | null;
}

async function catchUpState(pool: Pool, head: string | null): Promise<CatchUpState> {
  const { rows } = await pool.query<{ position: string | null; updated_at: Date }>('SELECT position, updated_at FROM projection_checkpoints');
  const behind = rows.filter((r) => r.position !== head).length;
  const lastUpdate = rows.reduce<Date | null>((max, r) => (max === null || r.updated_at > max ? r.updated_at : max), null);
  const firstUpdate = rows.reduce<Date | null>((min, r) => (min === null || r.updated_at < min ? r.updated_at : min), null);
  return { firstUpdate, projections: rows.length, behind, lastUpdate };
}

export interface CatchUpResult {
  readonly projector: Service;
  readonly eventsPerSecond: number;
  readonly caughtUp: boolean;
}

/** The slowest projection's progress: what a capped catch-up can still report honestly. */
async function slowest(pool: Pool): Promise<{ name: string; processed: number }> {
  const { rows } = await pool.query<{ name: string; processed: string }>('SELECT name, events_processed::text AS processed FROM projection_checkpoints ORDER BY events_processed LIMIT 1');
  return { name: rows[0]?.name ?? '-', processed: Number(rows[0]?.processed ?? 0) };
}

/**
 * Item 2: starts the projector process on a database holding only events, and times it until every
 * projection's checkpoint reaches the head (by the checkpoints' own commit times). The projector
 * keeps running afterwards (items 3 to 6 need it); the caller stops it.
 */
export async function catchUpBench(url: string, scale: string, capSeconds: number, figures: Figures): Promise<CatchUpResult> {
  const pool = new Pool({ connectionString: url, max: 2, application_name: 'cdtt-bench:catch-up' });
  // An idle client ended by the server (the bench drops its run databases WITH (FORCE)) must not crash the run.
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool, { notifications: 'poll' });
  try {
    const { rows } = await pool.query<{ count: string; now: Date }>('SELECT count(*)::text AS count, now() AS now FROM event_store.events');
    const events = Number(rows[0]?.count ?? 0);
    const startedAt = rows[0]?.now ?? new Date();
    const scan = await rawScan(pool);
    const scanRate = scan.events / scan.seconds;
    figures.add({ item: 2, name: 'raw ordered scan of event_store.events', database: 'postgres', scale, value: scanRate, unit: 'events/s', note: `${scan.events} events in ${scan.seconds.toFixed(1)} s` });
    const dbStart = (await pool.query<{ now: Date }>('SELECT now() AS now')).rows[0]?.now ?? startedAt;
    const projector = Service.start('projector', ENTRY.projector, childEnv(url, scratchDir('projector'), { DATABASE_POOL_SIZE: '10' }));
    let state: CatchUpState = { firstUpdate: null, projections: 0, behind: 1, lastUpdate: null };
    let stableSince = 0;
    let seen = -1;
    let lastReport = performance.now();
    // Processing starts when the first checkpoint is written: the process start (Nest, migrations)
    // is reported apart, since it is paid once and would dominate the smaller scales.
    let firstCheckpointAt: Date | null = null;
    const capAt = performance.now() + capSeconds * 1000;
    while (state.projections === 0 || state.behind > 0 || performance.now() - stableSince < 3000) {
      if (performance.now() > capAt) {
        const behind = await slowest(pool);
        const seconds = (Date.now() - (firstCheckpointAt ?? dbStart).getTime()) / 1000;
        const rate = behind.processed / seconds;
        figures.add({
          item: 2, name: `catch-up, all ${state.projections} projections from zero (NOT caught up within ${capSeconds} s)`, database: 'postgres', scale,
          value: rate, unit: 'events/s (slowest projection)', baselineName: 'raw scan', baseline: scanRate, ratio: rate / scanRate,
          target: '≥ 25,000 events/s and ≥ 0.3 × scan', met: false,
          note: `${behind.name} had processed ${behind.processed} of ${events} events after ${seconds.toFixed(0)} s; at this rate all would take ${((events / Math.max(rate, 1)) / 60).toFixed(0)} min`,
        });
        return { projector, eventsPerSecond: rate, caughtUp: false };
      }
      if (!projector.alive) throw new Error(`projector exited:\n${projector.recentLog()}`);
      await new Promise((r) => setTimeout(r, 500));
      // The head is read each time: it is what a projector can see now (the visibility horizon
      // moves with every transaction on the cluster, other databases' included).
      state = await catchUpState(pool, await store.headPosition());
      firstCheckpointAt ??= state.firstUpdate;
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        console.log(`    catch-up: ${state.projections} projections, ${state.behind} behind the head`);
      }
      if (state.projections !== seen || state.behind > 0) {
        seen = state.projections;
        stableSince = performance.now();
      }
    }
    const end = state.lastUpdate?.getTime() ?? Date.now();
    const seconds = (end - (firstCheckpointAt ?? dbStart).getTime()) / 1000;
    const startup = ((firstCheckpointAt ?? dbStart).getTime() - dbStart.getTime()) / 1000;
    const rate = events / seconds;
    figures.add({
      item: 2,
      name: `catch-up, all ${state.projections} projections from zero`,
      database: 'postgres',
      scale,
      value: rate,
      unit: 'events/s',
      baselineName: 'raw scan',
      baseline: scanRate,
      ratio: rate / scanRate,
      target: scale === 'national' ? '≥ 25,000 events/s and ≥ 0.3 × scan' : '≥ 0.3 × scan',
      met: rate / scanRate >= 0.3 && (scale !== 'national' || rate >= 25_000),
      note: `${events} events in ${seconds.toFixed(1)} s from the first checkpoint; process start to first checkpoint ${startup.toFixed(1)} s`,
    });
    return { projector, eventsPerSecond: rate, caughtUp: true };
  } finally {
    await store.close();
    await pool.end();
  }
}
