import { ProjectionWaiter, type Runtime } from '@cdtt/platform';

/**
 * The position of the last committed event, whether or not the gap-safe horizon has passed it.
 * The store's head is the *safe* head: while any transaction on the cluster (another database's
 * included, such as the bench smoke's projector) is older than our appends, it still points before
 * them, and waiting for it returned before our own units and villages were projected.
 */
export async function lastCommitted(runtime: Runtime): Promise<string | null> {
  const [row] = await runtime.dataSource.query<Array<{ position: string }>>(
    `SELECT lpad(tx_id::text, 20, '0') || '-' || lpad(global_position::text, 19, '0') AS position
     FROM event_store.events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
  );
  return row?.position ?? null;
}

/**
 * Waits until the named projections have read everything committed now (the shared test log may
 * be long), using the same ProjectionWaiter the mutations use; fails the setup on timeout.
 */
export async function waitForProjections(runtime: Runtime, names: readonly string[], timeoutMs: number): Promise<void> {
  const head = await lastCommitted(runtime);
  if (head === null) return;
  if (!(await new ProjectionWaiter(runtime.dataSource, 50).waitFor(names, head, timeoutMs))) {
    throw new Error(`projections ${names.join(', ')} did not catch up with ${head} in ${timeoutMs} ms`);
  }
}
