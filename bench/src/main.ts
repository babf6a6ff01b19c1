import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { SCALE_NAMES, type ScaleName } from '@cdtt/synthetic';
import { appendBench, type RawCommitRates } from './append.bench';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './bench-args';
import { createDatabase, dropDatabase, PREFIX, serverFacts } from './databases';
import { ensureDataset } from './datasets';
import { embeddedApi, embeddedAppend } from './embedded.bench';
import { Figures, markdownTable } from './figures';
import { RunningScale } from './scale-run';

async function appendOnServer(args: BenchArgs, figures: Figures): Promise<RawCommitRates> {
  const name = `${PREFIX}append`;
  const url = await createDatabase(args.serverUrl, name);
  try {
    return await appendBench({ url, database: 'postgres', seconds: args.seconds, writers: [1, 4] }, figures);
  } finally {
    await dropDatabase(args.serverUrl, name);
  }
}

/** Growth (item 7) runs items 2 and 4 on each smaller scale first, then the main one with every item. */
function scalesToRun(args: BenchArgs): Array<{ scale: ScaleName; full: boolean }> {
  const growth = args.only.has(7) ? SCALE_NAMES.slice(0, SCALE_NAMES.indexOf(args.scale)) : [];
  return [...growth.map((scale) => ({ scale, full: false })), { scale: args.scale, full: true }];
}

/**
 * Growth (item 7) scales first, then the main one. Items 3, 5 and 6 run on the main scale, or, when
 * its projector could not catch up within the cap, on the largest scale that did (said in the notes).
 */
async function serverScales(args: BenchArgs, rawRates: RawCommitRates | null, figures: Figures): Promise<void> {
  let largest: RunningScale | null = null;
  let port = 3900;
  try {
    for (const { scale, full } of scalesToRun(args)) {
      const { template } = await ensureDataset(args.serverUrl, scale, args.seed);
      const running = await RunningScale.start(
        { serverUrl: args.serverUrl, template, scale, seconds: args.seconds, port: port++, items: args.only, catchUpCapSeconds: args.catchUpCapSeconds, keep: args.keepDatabases },
        figures,
      );
      if (!running.caughtUp) {
        await running.close();
        console.log(`  ${scale}: not caught up within the cap; its queries are not measured`);
      } else {
        if (args.only.has(4) || args.only.has(7)) await running.queries(figures);
        await largest?.close();
        largest = running;
      }
      if (full && largest) {
        if (largest.options.scale !== scale) console.log(`  items 3, 5 and 6 run on the ${largest.options.scale} scale instead`);
        await largest.underLoad(rawRates, figures);
      }
    }
  } finally {
    await largest?.close();
  }
}

async function run(args: BenchArgs): Promise<void> {
  const figures = new Figures();
  const startedAt = new Date();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg(), node: process.version, postgres: await serverFacts(args.serverUrl) };
  console.log(`cdtt bench: scale ${args.scale}, items ${[...args.only].join(',')}, ${args.seconds} s per step; ${machine.cpus} CPUs, load ${machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}`);
  // A failing part is reported (and fails the run) without losing the figures of the others.
  const errors: string[] = [];
  const attempt = async (label: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      errors.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`  ${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  let rawRates: RawCommitRates | null = null;
  if (args.only.has(1) || args.only.has(3)) await attempt('append', async () => void (rawRates = await appendOnServer(args, figures)));
  const needsData = [...args.only].some((item) => item >= 2);
  if (needsData) await attempt('server scales', () => serverScales(args, rawRates, figures));
  if (args.embedded && args.only.has(1)) await attempt('embedded append', () => embeddedAppend(args.seconds, figures));
  if (args.embedded && (args.only.has(3) || args.only.has(4))) await attempt('embedded api', () => embeddedApi(args.seed, args.seconds, 3950, args.only, figures));
  const result = { startedAt, finishedAt: new Date(), args: { ...args, only: [...args.only] }, machine, loadAverageAtEnd: loadavg(), figures: figures.all, errors };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${markdownTable(figures.all)}\n\nwritten to ${args.out}`);
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

const parsed = parseBenchArgs(process.argv.slice(2), process.env);
if (typeof parsed === 'string') {
  console.error(parsed === BENCH_USAGE ? parsed : `${parsed}\n${BENCH_USAGE}`);
  process.exit(2);
}
run(parsed).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
