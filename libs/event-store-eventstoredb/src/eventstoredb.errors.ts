import { EventStoreError, EventStoreTimeoutError } from '@cdtt/event-sourcing';
import { DeadlineExceededError, TimeoutError, UnavailableError } from '@eventstore/db-client';

/** EventStoreDB refused the connection or is down: retrying later may help. */
export class EventStoreDbUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
}

/** Any other failure reported by EventStoreDB (access denied, stream deleted, bad argument...). */
export class EventStoreDbFailureError extends EventStoreError {
  readonly code = 'EVENT_STORE_FAILURE';
}

/**
 * Turns a client error into one of ours, so callers never need the client's classes (they must
 * not import @eventstore/* at all). Our own errors pass through untouched; the original client
 * error stays reachable as `cause` for logs.
 */
export function translateClientError(error: unknown, operation: string): Error {
  if (error instanceof EventStoreError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof UnavailableError) {
    return new EventStoreDbUnavailableError(`EventStoreDB is unavailable (${operation}): ${detail}`, { cause: error });
  }
  if (error instanceof DeadlineExceededError || error instanceof TimeoutError) {
    return new EventStoreTimeoutError(`EventStoreDB timed out (${operation}): ${detail}`, { cause: error });
  }
  return new EventStoreDbFailureError(`EventStoreDB failed (${operation}): ${detail}`, { cause: error });
}
