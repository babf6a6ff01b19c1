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

/** A handler failed: names the event so an operator can find the poison one; never skipped. */
export class ProjectionApplyError extends Error {
  constructor(readonly projection: string, readonly event: RecordedEvent, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Projection ${projection} failed on ${event.type} ${event.id} at ${event.position}: ${reason}`, { cause });
    this.name = 'ProjectionApplyError';
  }
}
