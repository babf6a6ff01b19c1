import type { Position, TypedPage } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import type { CheckpointMoves } from './checkpoint-moves';
import { advanceCheckpoint } from './projection-checkpoint';
import { applyEvents } from './apply-events';
import type { ProjectionLease } from './projection-lease';
import type { PostgresProjection } from './postgres-projection';

export interface ProjectionBatch {
  readonly projection: PostgresProjection;
  readonly lease: ProjectionLease;
  /** The checkpoint the page was read after (null: from the start). */
  readonly from: Position | null;
  /** The projection's events from `readProjectionPage`; the checkpoint moves to its `through`. */
  readonly page: TypedPage;
  /** Gathers the moves over empty pages of a process's runners into one statement. */
  readonly moves?: CheckpointMoves;
}

/**
 * Applies one page in one transaction: handler writes, lease fence, checkpoint. Either all of it
 * commits or none of it does (effectively-once): a throwing handler, a lost lease or a moved
 * checkpoint rolls back the rows with the checkpoint. Returns how many events were handled.
 */
export async function applyBatch(dataSource: DataSource, batch: ProjectionBatch): Promise<number> {
  const last = batch.page.through;
  if (!last) return 0;
  const name = batch.projection.name;
  const passedOver = { name, from: batch.from, last, processed: batch.page.scanned, applied: 0 };
  // Nothing of ours in the page: no rows to fence, so the compare-and-set alone is enough, as one
  // statement instead of a transaction of four. Whoever moves the checkpoint over events this
  // projection does not read is right to, and the CAS keeps it from moving back or twice. Most
  // wake-ups of a busy system are such pages for most projections.
  if (batch.page.events.length === 0) {
    await (batch.moves ? batch.moves.advance(passedOver) : advanceCheckpoint(dataSource, passedOver));
    return 0;
  }
  return dataSource.transaction(async (manager) => {
    await applyEvents(batch.projection, batch.page.events, manager);
    const applied = batch.page.events.length;
    // Fence last, in the checkpoint's own statement: the lease row lock is held only from here to
    // commit, so our own renewals (on another connection) are not blocked while the handlers run.
    // A LeaseLostError reaches the runner, which forgets the lease and stands by.
    await advanceCheckpoint(manager, { ...passedOver, applied }, batch.lease);
    return applied;
  });
}
