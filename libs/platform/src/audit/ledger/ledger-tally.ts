import type { RecordedEvent } from '@cdtt/event-sourcing';
import { headLeaf, merkleRoot } from './merkle';

/** What a checkpoint commits to: the log up to a position, as counts and the root of its stream heads. */
export interface LedgerSummary {
  readonly eventCount: number;
  readonly streamCount: number;
  readonly merkleRoot: string;
}

/**
 * Running state of the log read in `$all` order: every stream's last revision and hash, and the
 * number of events. Memory grows with streams, not events. Deleting a whole stream changes the
 * root and the stream count; deleting any event changes the count; changing a head changes the
 * root. Streams are sorted byte-wise (not by locale) so every machine builds the same tree.
 */
export class LedgerTally {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private events = 0;

  accept(event: RecordedEvent): void {
    this.events += 1;
    this.heads.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
  }

  summary(): LedgerSummary {
    const names = [...this.heads.keys()].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    const leaves = names.map((name) => {
      const head = this.heads.get(name) as { revision: number; hash: string };
      return headLeaf(name, head.revision, head.hash);
    });
    return { eventCount: this.events, streamCount: names.length, merkleRoot: merkleRoot(leaves) };
  }
}
