import type { RecordedEvent } from '../envelope/envelope';

/**
 * A projection folds the global log into read-model rows. `name` carries a version
 * (`team_roster_v1`): a new version gets its own tables and checkpoint, so a rebuild runs beside
 * the live one and reads switch when it has caught up.
 *
 * `TTransaction` is whatever the runner opens (a TypeORM EntityManager for PostgreSQL read
 * models): the runner writes the rows and the checkpoint in that one transaction.
 */
export interface Projection<TTransaction> {
  readonly name: string;
  /** Event types this projection reads; the checkpoint still moves past the others. */
  readonly eventTypes: readonly string[];
  apply(event: RecordedEvent, transaction: TTransaction): Promise<void>;
  /**
   * Optional: the accepted events of one page at once, in log order, in the runner's transaction.
   * It must leave exactly the rows `apply` on each event in turn would, so live runs, rebuilds and
   * checksums agree; it exists because a statement per event is the catch-up's whole cost (set-based
   * SQL over a page is one round trip instead of hundreds).
   */
  applyPage?(events: readonly RecordedEvent[], transaction: TTransaction): Promise<void>;
}

const VERSIONED_NAME = /^[a-z][a-z0-9_]*_v[0-9]+$/;

export function assertVersionedName(name: string): void {
  if (!VERSIONED_NAME.test(name)) {
    throw new Error(`Projection name "${name}" must be snake_case and end with a version, e.g. teams_v1`);
  }
}
