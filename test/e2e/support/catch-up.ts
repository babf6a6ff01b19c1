import { ProjectionWaiter, type Runtime } from '@cdtt/platform';

/**
 * Waits until the named projections have read everything in the log now (the shared test log may
 * be long), using the same ProjectionWaiter the mutations use; fails the setup on timeout.
 */
export async function waitForProjections(runtime: Runtime, names: readonly string[], timeoutMs: number): Promise<void> {
  const head = await runtime.eventStore.headPosition();
  if (head === null) return;
  if (!(await new ProjectionWaiter(runtime.dataSource, 50).waitFor(names, head, timeoutMs))) {
    throw new Error(`projections ${names.join(', ')} did not catch up with ${head} in ${timeoutMs} ms`);
  }
}
