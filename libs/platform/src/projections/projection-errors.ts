import type { RecordedEvent } from '@cdtt/event-sourcing';

/** The fence found another owner (or none): this runner's batch must not commit. */
export class LeaseLostError extends Error {
  constructor(readonly projection: string, readonly owner: string) {
    super(`Projection ${projection}: lease no longer held by ${owner}; batch rolled back`);
    this.name = 'LeaseLostError';
  }
}

/** The checkpoint moved under us (a second writer slipped past the lease): roll back, re-read. */
export class CheckpointConflictError extends Error {
  constructor(readonly projection: string, readonly expected: string | null) {
    super(`Projection ${projection}: checkpoint is no longer at ${expected ?? '(start)'}; batch rolled back`);
    this.name = 'CheckpointConflictError';
  }
}

/**
 * A handler failed: names the event so an operator can find the poison one; never skipped. A
 * page applied at once names its first event and the position of its last (`through`).
 */
export class ProjectionApplyError extends Error {
  constructor(readonly projection: string, readonly event: RecordedEvent, cause: unknown, through?: RecordedEvent) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const where = through && through !== event ? `the page from ${event.type} ${event.id} at ${event.position} to ${through.position}` : `${event.type} ${event.id} at ${event.position}`;
    super(`Projection ${projection} failed on ${where}: ${reason}`, { cause });
    this.name = 'ProjectionApplyError';
  }
}
