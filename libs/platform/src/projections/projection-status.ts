import type { Position } from '@cdtt/event-sourcing';

/** Who runs a projection. `active` is judged by the database clock (expiresAt > now()). */
export interface ProjectionLeaseStatus {
  readonly owner: string;
  readonly expiresAt: Date;
  readonly active: boolean;
}

/**
 * The health of one projection version, as plain data (the API maps it to its own GraphQL type).
 *
 * Lag is measured against the store, the only source of truth for what is still unprocessed:
 * - `lagEvents`: events in `$all` strictly after the checkpoint (every type: the checkpoint moves
 *   past ignored types too), counted by reading forward up to a cap; when `lagEventsCapped` is
 *   true the real lag is larger than `lagEvents`.
 * - `lagSeconds`: now minus `recordedAt` of the oldest unprocessed event; 0 when caught up.
 */
export interface ProjectionStatus {
  readonly name: string;
  /** Checkpoint: the last event applied or skipped; null before the first batch. */
  readonly position: Position | null;
  readonly eventsProcessed: number;
  readonly eventsApplied: number;
  readonly lastEventRecordedAt: Date | null;
  readonly updatedAt: Date;
  readonly lease: ProjectionLeaseStatus | null;
  readonly lagEvents: number;
  readonly lagEventsCapped: boolean;
  readonly lagSeconds: number;
  /** Query-only indexes dropped for a catch-up from zero and not built yet (ADR 0025): reads that need them scan meanwhile. */
  readonly deferredIndexes: readonly string[];
}
