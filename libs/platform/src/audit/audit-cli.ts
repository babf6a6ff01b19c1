import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { ProgressBar, type ProgressOutput } from '../cli/progress-bar';
import type { Runtime } from '../runtime/runtime';
import { countLines, readAllPages, readNdjsonPages } from './event-log-sources';
import { exportEvents, exportSummaryLine } from './event-export';
import { verificationReport, verifyLog } from './log-verification';

/** Where a CLI command writes besides its `out` lines; parameters so tests can capture them. */
export interface AuditCliIo {
  readonly stdout: Writable;
  readonly progress: ProgressOutput;
}

const processIo = (): AuditCliIo => ({ stdout: process.stdout, progress: process.stderr });

/** `--name value` from the arguments; undefined when absent, an error when the value is missing. */
function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a file name`);
  return value;
}

function onlyOptions(args: readonly string[], names: readonly string[]): void {
  const unknown = args.filter((arg, index) => arg.startsWith('--') ? !names.includes(arg) : !names.includes(args[index - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`unexpected argument: ${unknown.join(' ')}`);
}

/** Events in the log, for the progress bar's total (a count is cheap on PostgreSQL only). */
async function storedEventCount(runtime: Runtime): Promise<number | null> {
  if (runtime.eventStoreKind !== 'postgres') return null;
  const rows: Array<{ n: string }> = await runtime.dataSource.query('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0]?.n ?? 0);
}

const barOf = (total: number | null, label: string, output: ProgressOutput): ProgressBar | null =>
  total === null ? null : new ProgressBar(total, label, output);

/**
 * `cli export-events [--out file]`: the log as NDJSON, to a file or to stdout. A file is written
 * under a `.partial` name and renamed at the end, so a file with the final name is complete.
 * With stdout carrying the events, the summary goes to stderr.
 */
export async function runExportEvents(runtime: Runtime, args: readonly string[], out: (line: string) => void, io: AuditCliIo = processIo()): Promise<number> {
  onlyOptions(args, ['--out', '--province']);
  const file = option(args, '--out');
  const keep = await provinceStreams(runtime, option(args, '--province'));
  const bar = barOf(await storedEventCount(runtime), 'export', io.progress);
  if (file === undefined) {
    const summary = await exportEvents(runtime.storedEvents, io.stdout, bar, keep);
    // main exits right after: wait until everything written has been handed to the OS.
    await new Promise<void>((resolve, reject) => io.stdout.write('', (error) => (error ? reject(error) : resolve())));
    io.progress.write(`${exportSummaryLine(summary)}\n`);
    return 0;
  }
  const partial = `${file}.partial`;
  const sink = createWriteStream(partial, { encoding: 'utf8' });
  try {
    const summary = await exportEvents(runtime.storedEvents, sink, bar, keep);
    sink.end();
    await finished(sink);
    await rename(partial, file);
    out(`${exportSummaryLine(summary)} to ${file}`);
    return 0;
  } catch (error) {
    sink.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * `--province 01`: the streams of that province per the audit index (`audit_index_v1`, ADR 0011):
 * its teams and villages, and the people who joined its teams. Such an export verifies with
 * verify-chain, but not with verify-ledger (checkpoints cover the whole log).
 */
async function provinceStreams(runtime: Runtime, province: string | undefined): Promise<((streamName: string) => boolean) | null> {
  if (province === undefined) return null;
  if (!/^\d{2}$/.test(province)) throw new Error('--province needs a 2-digit province code');
  const rows: Array<{ stream_name: string }> = await runtime.dataSource.query(
    'SELECT DISTINCT stream_name FROM audit_stream_units_v1 WHERE province_code = $1',
    [province],
  );
  const streams = new Set(rows.map((row) => row.stream_name));
  return (streamName) => streams.has(streamName);
}

/** Offline verification (`--from`) must work with no database at all: main opens none. */
export const verifyChainNeedsRuntime = (args: readonly string[]): boolean => !args.includes('--from');

/**
 * `cli verify-chain [--from file.ndjson]`: every stream's chain, from the database's `$all` or
 * from an export. Exit code 0 when every chain is intact, 1 when any stream fails.
 */
export async function runVerifyChain(runtime: Runtime | null, args: readonly string[], out: (line: string) => void, io: AuditCliIo = processIo()): Promise<number> {
  onlyOptions(args, ['--from']);
  const file = option(args, '--from');
  let result;
  if (file !== undefined) {
    result = await verifyLog(readNdjsonPages(file), new ProgressBar(await countLines(file), 'verify', io.progress));
  } else {
    if (runtime === null) throw new Error('verify-chain without --from needs the database');
    result = await verifyLog(readAllPages(runtime.storedEvents), barOf(await storedEventCount(runtime), 'verify', io.progress));
  }
  for (const line of verificationReport(result)) out(line);
  return result.failures.length === 0 ? 0 : 1;
}
