import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { ProgressBar } from '../../cli/progress-bar';
import { isLedgerCheckpoint, type LedgerCheckpointedData } from './ledger-checkpoint';
import { verifyCheckpointSignature } from './ledger-signing';
import { LedgerTally, type LedgerSummary } from './ledger-tally';

export interface CheckpointVerdict {
  readonly eventId: string;
  readonly position: string;
  /** Empty when the checkpoint holds; else what differs, in words an auditor reads. */
  readonly problems: readonly string[];
  readonly signed: LedgerCheckpointedData;
}

export interface LedgerVerification {
  readonly checkpoints: readonly CheckpointVerdict[];
  readonly events: number;
}

/** What the log as read differs in from what a checkpoint signed. */
export function compareWithCheckpoint(actual: LedgerSummary, signed: LedgerCheckpointedData, pinnedKey: string | null): string[] {
  const problems: string[] = [];
  const { signature, publicKey, algorithm: _algorithm, ...fields } = signed;
  if (!verifyCheckpointSignature(publicKey, fields, signature)) problems.push('signature does not verify');
  if (pinnedKey !== null && pinnedKey !== publicKey) problems.push(`signed with key ${signed.keyId}, not the pinned public key`);
  if (actual.eventCount !== signed.eventCount) {
    const missing = signed.eventCount - actual.eventCount;
    problems.push(missing > 0 ? `${missing} events missing (signed ${signed.eventCount}, found ${actual.eventCount})` : `${-missing} events more than signed (${signed.eventCount})`);
  }
  if (actual.streamCount !== signed.streamCount) {
    const missing = signed.streamCount - actual.streamCount;
    problems.push(missing > 0 ? `${missing} streams missing (signed ${signed.streamCount}, found ${actual.streamCount})` : `${-missing} streams more than signed (${signed.streamCount})`);
  }
  if (actual.merkleRoot !== signed.merkleRoot) problems.push('Merkle root of stream heads differs: a stream or the head of a stream was deleted, added or changed');
  return problems;
}

/**
 * Checks every `LedgerCheckpointed` of a log against the log itself, in two passes (the log is
 * opened twice): the first finds the checkpoints, the second tallies the log and compares the
 * tally at each checkpoint's position. Positions are compared as strings (they sort like the log).
 */
export async function verifyLedger(open: () => AsyncIterable<readonly RecordedEvent[]>, pinnedKey: string | null, progress: ProgressBar | null): Promise<LedgerVerification> {
  const pending: Array<RecordedEvent<string, LedgerCheckpointedData>> = [];
  for await (const page of open()) for (const event of page) if (isLedgerCheckpoint(event)) pending.push(event);
  pending.sort((a, b) => (a.data.position < b.data.position ? -1 : a.data.position > b.data.position ? 1 : 0));
  const verdicts: CheckpointVerdict[] = [];
  const tally = new LedgerTally();
  let events = 0;
  const settle = (upTo: string | null): void => {
    while (pending.length > 0 && (upTo === null || (pending[0] as RecordedEvent<string, LedgerCheckpointedData>).data.position < upTo)) {
      const checkpoint = pending.shift() as RecordedEvent<string, LedgerCheckpointedData>;
      verdicts.push({ eventId: checkpoint.id, position: checkpoint.data.position, problems: compareWithCheckpoint(tally.summary(), checkpoint.data, pinnedKey), signed: checkpoint.data });
    }
  };
  for await (const page of open()) {
    for (const event of page) {
      settle(event.position); // checkpoints strictly before this event see the tally without it
      tally.accept(event);
      events += 1;
    }
    progress?.advance(page.length);
  }
  settle(null);
  progress?.finish();
  return { checkpoints: verdicts, events };
}

/** The report: one line per checkpoint, then a summary; the last checkpoint's root to compare with a published copy. */
export function ledgerReport(result: LedgerVerification): string[] {
  const lines = result.checkpoints.map((c) =>
    c.problems.length === 0
      ? `ok checkpoint at ${c.position} (event ${c.eventId}): ${c.signed.eventCount} events, ${c.signed.streamCount} streams, key ${c.signed.keyId}`
      : `FAILED checkpoint at ${c.position} (event ${c.eventId}): ${c.problems.join('; ')}`,
  );
  const failed = result.checkpoints.filter((c) => c.problems.length > 0).length;
  const last = result.checkpoints.at(-1);
  if (last) lines.push(`latest checkpoint: position ${last.position}, Merkle root ${last.signed.merkleRoot}, signature ${last.signed.signature}`);
  lines.push(
    result.checkpoints.length === 0
      ? `read ${result.events} events: no ledger checkpoint found, nothing proves the log complete`
      : `read ${result.events} events, ${result.checkpoints.length} checkpoints: ${failed === 0 ? 'all hold' : `${failed} do not hold`}`,
  );
  return lines;
}
