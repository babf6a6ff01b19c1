import { computeEventHash, GENESIS_HASH, toChainable, type RecordedEvent } from '@cdtt/event-sourcing';

export type ChainFailureReason = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'REVISION_GAP';

/** A stream whose chain breaks, at the first event that does not match. */
export interface StreamFailure {
  readonly streamName: string;
  readonly firstBadRevision: number;
  readonly firstBadEventId: string;
  readonly reason: ChainFailureReason;
}

export interface LogVerification {
  readonly streams: number;
  readonly events: number;
  /** In the order the failures were met in the log. */
  readonly failures: readonly StreamFailure[];
}

/** What must hold for a stream's next event; a failed stream keeps only its failure. */
type StreamState = { readonly nextRevision: number; readonly prevHash: string } | { readonly failed: StreamFailure };

/**
 * Verifies every stream's chain while reading the whole log once, in `$all` order. `verifyChain`
 * needs a stream in memory; here only a small running state per stream is kept (next revision,
 * previous hash), so a log of any length verifies in memory proportional to its stream count.
 * Within a stream `$all` order is revision order (appends to a stream are serialised), so the
 * checks are the same as `verifyChain`'s, event by event.
 */
export class IncrementalChainVerifier {
  private readonly states = new Map<string, StreamState>();
  private readonly failures: StreamFailure[] = [];
  private events = 0;

  accept(event: RecordedEvent): void {
    this.events += 1;
    const state = this.states.get(event.streamName) ?? { nextRevision: 0, prevHash: GENESIS_HASH };
    if ('failed' in state) return; // the first break is what an auditor needs; later events cannot be trusted
    const reason = checkEvent(event, state.nextRevision, state.prevHash);
    if (reason === null) {
      this.states.set(event.streamName, { nextRevision: state.nextRevision + 1, prevHash: event.metadata.hash });
      return;
    }
    const failed: StreamFailure = { streamName: event.streamName, firstBadRevision: event.revision, firstBadEventId: event.id, reason };
    this.failures.push(failed);
    this.states.set(event.streamName, { failed });
  }

  result(): LogVerification {
    return { streams: this.states.size, events: this.events, failures: [...this.failures] };
  }
}

/** The checks of `verifyChain`, in its order, for one event against its stream's running state. */
export function checkEvent(event: RecordedEvent, expectedRevision: number, expectedPrevHash: string): ChainFailureReason | null {
  if (event.revision !== expectedRevision) return 'REVISION_GAP';
  if (event.metadata.prevHash !== expectedPrevHash) return 'PREV_HASH_MISMATCH';
  if (computeEventHash(toChainable(event)) !== event.metadata.hash) return 'HASH_MISMATCH';
  return null;
}

/** One line per failing stream, for the CLI and logs. */
export function describeFailure(failure: StreamFailure): string {
  return `${failure.streamName}: revision ${failure.firstBadRevision}, event ${failure.firstBadEventId}: ${failure.reason}`;
}
