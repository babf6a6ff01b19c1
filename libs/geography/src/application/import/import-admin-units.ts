import type { EventStore, NewEvent } from '@cdtt/event-sourcing';
import { readAdminUnitFiles } from './admin-unit-files';
import type { ImportIssue } from './import-issues';
import { planImport, type DatasetCount, type PlannedStream } from './import-plan';
import { ProgressBar, type ProgressOutput } from '@cdtt/platform';

/** Events per append: one round trip and one INSERT per chunk, small enough for one transaction. */
export const IMPORT_CHUNK_SIZE = 500;

export interface ImportResult {
  readonly datasets: readonly DatasetCount[];
  readonly issues: readonly ImportIssue[];
  readonly streams: number;
  readonly appends: number;
  readonly planned: number;
  readonly written: number;
  /** Events whose ids were stored already (a re-run): the store answered without writing. */
  readonly alreadyStored: number;
  readonly elapsedMs: number;
  /** Position of the last event of the import, for read-your-writes waits. */
  readonly lastPosition: string | null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface StreamOutcome {
  written: number;
  stored: number;
  appends: number;
  lastPosition: string | null;
}

/**
 * Appends one planned stream chunk by chunk, each with the exact expected revision. Which chunks
 * are stored already is read from the stream head first; they are still appended, so the store
 * checks them (same ids, same content) and answers with the original result.
 */
async function appendStream(store: EventStore, stream: PlannedStream, onChunk: (n: number) => void): Promise<StreamOutcome> {
  const [head] = await store.readStream(stream.streamName, { direction: 'backwards', maxCount: 1 });
  const headRevision = head?.revision ?? -1;
  const outcome: StreamOutcome = { written: 0, stored: 0, appends: 0, lastPosition: null };
  let nextRevision = 0;
  for (const chunk of chunks<NewEvent>(stream.events, IMPORT_CHUNK_SIZE)) {
    const expected = nextRevision === 0 ? 'no_stream' : nextRevision - 1;
    const result = await store.appendToStream(stream.streamName, chunk, { expected });
    const stored = nextRevision + chunk.length - 1 <= headRevision;
    if (stored) outcome.stored += chunk.length;
    else outcome.written += chunk.length;
    outcome.appends += 1;
    outcome.lastPosition = result.position;
    nextRevision += chunk.length;
    onChunk(chunk.length);
  }
  return outcome;
}

/** Reads the folder, plans, and appends: idempotent, a second run writes nothing. */
export async function importAdminUnits(store: EventStore, folder: string, progress: ProgressOutput | null = null): Promise<ImportResult> {
  const startedAt = performance.now();
  const plan = planImport(await readAdminUnitFiles(folder));
  const bar = progress ? new ProgressBar(plan.eventCount, 'admin units', progress) : null;
  const totals: StreamOutcome = { written: 0, stored: 0, appends: 0, lastPosition: null };
  for (const stream of plan.streams) {
    const outcome = await appendStream(store, stream, (n) => bar?.advance(n));
    totals.written += outcome.written;
    totals.stored += outcome.stored;
    totals.appends += outcome.appends;
    if (outcome.lastPosition !== null && (totals.lastPosition === null || outcome.lastPosition > totals.lastPosition)) {
      totals.lastPosition = outcome.lastPosition;
    }
  }
  bar?.finish();
  return {
    datasets: plan.datasets,
    issues: plan.issues,
    streams: plan.streams.length,
    appends: totals.appends,
    planned: plan.eventCount,
    written: totals.written,
    alreadyStored: totals.stored,
    elapsedMs: performance.now() - startedAt,
    lastPosition: totals.lastPosition,
  };
}
