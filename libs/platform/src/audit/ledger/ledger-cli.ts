import { systemClock, uuidv7Generator } from '@cdtt/event-sourcing';
import { ProgressBar, type ProgressOutput } from '../../cli/progress-bar';
import type { Runtime } from '../../runtime/runtime';
import { countLines, readAllPages, readNdjsonPages } from '../event-log-sources';
import { writeLedgerCheckpoint } from './ledger-checkpoint';
import { LEDGER_SIGNING_KEY_VARIABLE, parseLedgerSigningKey } from './ledger-signing';
import { ledgerReport, verifyLedger } from './ledger-verification';

async function eventCount(runtime: Runtime): Promise<number> {
  if (runtime.eventStoreKind !== 'postgres') return 0;
  const rows: Array<{ n: string }> = await runtime.dataSource.query('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0]?.n ?? 0);
}

function optionValue(args: readonly string[], name: string): string | null {
  const index = args.indexOf(name);
  if (index === -1) return null;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/**
 * `cli checkpoint-ledger`: signs the log as it is now with `LEDGER_SIGNING_KEY` and appends a
 * `LedgerCheckpointed` (ADR 0011). Meant for a scheduler (cron, a Kubernetes CronJob): each run
 * writes one checkpoint; two overlapping runs write two, both valid.
 */
export async function runCheckpointLedger(runtime: Runtime, args: readonly string[], out: (line: string) => void, progress: ProgressOutput = process.stderr, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (args.length > 0) throw new Error(`unexpected argument: ${args.join(' ')}`);
  const key = parseLedgerSigningKey(env[LEDGER_SIGNING_KEY_VARIABLE]);
  const written = await writeLedgerCheckpoint({
    store: runtime.storedEvents,
    key,
    clock: systemClock,
    ids: uuidv7Generator,
    progress: new ProgressBar(await eventCount(runtime), 'checkpoint', progress),
  });
  if (written === null) {
    out('the log is empty: no checkpoint written');
    return 0;
  }
  out(`checkpoint at ${written.position}: ${written.eventCount} events, ${written.streamCount} streams, Merkle root ${written.merkleRoot}`);
  out(`signed by key ${written.keyId} (public key ${written.publicKey}): ${written.signature}`);
  return 0;
}

export const verifyLedgerNeedsRuntime = (args: readonly string[]): boolean => !args.includes('--from');

/**
 * `cli verify-ledger [--from export.ndjson] [--public-key base64]`: checks every checkpoint in the
 * log (a whole-log export, offline, or the database) against the log. Exit 1 when a checkpoint
 * does not hold or there is none.
 */
export async function runVerifyLedger(runtime: Runtime | null, args: readonly string[], out: (line: string) => void, progress: ProgressOutput = process.stderr): Promise<number> {
  const file = optionValue(args, '--from');
  const pinned = optionValue(args, '--public-key');
  const known = new Set(['--from', '--public-key', file, pinned]);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`unexpected argument: ${unknown.join(' ')}`);
  let result;
  if (file !== null) {
    result = await verifyLedger(() => readNdjsonPages(file), pinned, new ProgressBar(await countLines(file), 'verify-ledger', progress));
  } else {
    if (runtime === null) throw new Error('verify-ledger without --from needs the database');
    const store = runtime.storedEvents;
    result = await verifyLedger(() => readAllPages(store), pinned, new ProgressBar(await eventCount(runtime), 'verify-ledger', progress));
  }
  for (const line of ledgerReport(result)) out(line);
  return result.checkpoints.length > 0 && result.checkpoints.every((c) => c.problems.length === 0) ? 0 : 1;
}
