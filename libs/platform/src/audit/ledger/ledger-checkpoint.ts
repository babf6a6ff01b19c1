import type { Clock, EventStore, IdGenerator, RecordedEvent } from '@cdtt/event-sourcing';
import type { ProgressBar } from '../../cli/progress-bar';
import { readAllPages } from '../event-log-sources';
import { signCheckpoint, type LedgerSigningKey, type SignedCheckpoint } from './ledger-signing';
import { LedgerTally } from './ledger-tally';

/** Stream of the ledger's signed checkpoints (one stream: a checkpoint is about the whole log). */
export const LEDGER_STREAM = 'ledger-checkpoints';
export const LEDGER_CHECKPOINTED = 'LedgerCheckpointed';
export const LEDGER_ACTOR = { clientId: 'cli:checkpoint-ledger', role: 'ADMIN' } as const;

/** `LedgerCheckpointed`: the log up to `position` had these counts and stream heads, signed. */
export interface LedgerCheckpointedData extends SignedCheckpoint {
  readonly algorithm: 'Ed25519';
  /** base64 of the raw Ed25519 public key; auditors compare it with the published one. */
  readonly publicKey: string;
  /** base64 Ed25519 signature over the canonical JSON of the SignedCheckpoint fields. */
  readonly signature: string;
}

export const isLedgerCheckpoint = (event: RecordedEvent): event is RecordedEvent<typeof LEDGER_CHECKPOINTED, LedgerCheckpointedData> =>
  event.type === LEDGER_CHECKPOINTED && event.streamName === LEDGER_STREAM;

export interface CheckpointDependencies {
  readonly store: EventStore;
  readonly key: LedgerSigningKey;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly progress?: ProgressBar | null;
}

/**
 * Reads the log as stored up to its current head, and appends one signed `LedgerCheckpointed`
 * covering it. Events appended meanwhile fall after `position` and into the next checkpoint.
 * Returns null on an empty log (nothing to commit to).
 */
export async function writeLedgerCheckpoint(deps: CheckpointDependencies): Promise<LedgerCheckpointedData | null> {
  const tally = new LedgerTally();
  let position: string | null = null;
  for await (const page of readAllPages(deps.store)) {
    for (const event of page) tally.accept(event);
    position = page.at(-1)?.position ?? position;
    deps.progress?.advance(page.length);
  }
  deps.progress?.finish();
  if (position === null) return null;
  const signed: SignedCheckpoint = { position, ...tally.summary(), keyId: deps.key.keyId };
  const data: LedgerCheckpointedData = { ...signed, algorithm: 'Ed25519', publicKey: deps.key.publicKey, signature: signCheckpoint(deps.key, signed) };
  const id = deps.ids.next();
  await deps.store.appendToStream(LEDGER_STREAM, [
    {
      id,
      type: LEDGER_CHECKPOINTED,
      schemaVersion: 1,
      data,
      metadata: { correlationId: id, causationId: null, actor: LEDGER_ACTOR, effectiveAt: deps.clock.now().toISOString() },
    },
  ]);
  return data;
}
