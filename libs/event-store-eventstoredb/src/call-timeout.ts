import { EventStoreTimeoutError } from '@cdtt/event-sourcing';

/**
 * Runs one client call under our own deadline. @eventstore/db-client 6.2.1 waits forever on an
 * endpoint that accepts TCP and never answers (its `deadline` options do not cover connection
 * setup and server-feature discovery), so no call may reach the client without this wrapper.
 *
 * `cancel` releases what the call holds (a gRPC read stream) when the deadline wins; the late
 * outcome of the abandoned call is swallowed so it cannot surface as an unhandled rejection.
 */
export async function withCallTimeout<T>(
  operation: string,
  timeoutMs: number,
  work: () => Promise<T>,
  cancel?: () => unknown,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const running = work();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      running.catch(() => undefined);
      void Promise.resolve()
        .then(() => cancel?.())
        .catch(() => undefined);
      reject(new EventStoreTimeoutError(`EventStoreDB did not answer ${operation} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
