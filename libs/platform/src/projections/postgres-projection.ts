import type { Projection } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';

/** A projection whose read models live in PostgreSQL: it writes through the runner's transaction. */
export interface PostgresProjection extends Projection<EntityManager> {
  /**
   * Indexes of its own tables that only reads use: no handler of this projection looks rows up
   * through them. A catch-up from the start of the log drops them and builds them at the head
   * (ADR 0025). Naming an index a handler needs makes its catch-up slower, never wrong.
   */
  readonly queryOnlyIndexes?: readonly string[];
}

/**
 * Put in `eventTypes` to receive every event (operational read models such as counters). It can
 * never clash with a real type: the kernel refuses `$`-prefixed types on append, and `$all` is the
 * EventStoreDB name for the whole log.
 */
export const ANY_EVENT_TYPE = '$all';

/** The runner's filter; the checkpoint still moves past the events a projection ignores. */
export function eventTypeFilter(projection: PostgresProjection): (type: string) => boolean {
  const types = new Set(projection.eventTypes);
  if (types.has(ANY_EVENT_TYPE)) return () => true;
  return (type) => types.has(type);
}
