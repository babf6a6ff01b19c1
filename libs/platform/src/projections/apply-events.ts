import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import { ProjectionApplyError } from './projection-errors';
import type { PostgresProjection } from './postgres-projection';
import { withWriteQueue } from './write-queue';

/**
 * Applies a page's accepted events, in order, through the projection's `applyPage` when it has
 * one, else event by event, with the handlers' queued writes (`queueSql`) sent many to a message.
 * A failure names the event (or, for a whole page or a queued write that failed when sent, the
 * page's first and last) so an operator can find the poison one.
 */
export async function applyEvents(projection: PostgresProjection, events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const first = events[0];
  if (!first) return;
  try {
    await withWriteQueue(manager, (queued) => applyInOrder(projection, events, queued));
  } catch (error) {
    // A handler that already named the failing event keeps its more precise message.
    throw error instanceof ProjectionApplyError ? error : new ProjectionApplyError(projection.name, first, error, events.at(-1));
  }
}

async function applyInOrder(projection: PostgresProjection, events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  if (projection.applyPage) return projection.applyPage(events, manager);
  for (const event of events) {
    try {
      await projection.apply(event, manager);
    } catch (error) {
      throw new ProjectionApplyError(projection.name, event, error);
    }
  }
}
