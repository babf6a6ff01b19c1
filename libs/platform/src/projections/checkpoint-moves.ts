import { advanceCheckpoint, CHECKPOINT_CHANNEL, type CheckpointAdvance } from './projection-checkpoint';
import { queryRows, type SqlExecutor } from './sql-executor';

interface PendingMove {
  readonly advance: CheckpointAdvance;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Moves of checkpoints over pages with nothing to apply, gathered from the runners of a process
 * and sent as one statement. Every append wakes every runner; with one shared reader (ADR 0018)
 * they get their pages together, and most have nothing in them: nine compare-and-sets per append
 * become one. Each move is still the compare-and-set of `advanceCheckpoint`, announced at commit
 * the same way; a row that did not move goes through `advanceCheckpoint` alone, which creates a
 * missing row or reports the conflict as before.
 */
export class CheckpointMoves {
  private pending: PendingMove[] = [];

  constructor(private readonly executor: SqlExecutor) {}

  advance(advance: CheckpointAdvance): Promise<void> {
    if (this.pending.some((move) => move.advance.name === advance.name)) return advanceCheckpoint(this.executor, advance);
    return new Promise((resolve, reject) => {
      this.pending.push({ advance, resolve, reject });
      // Runners woken by one read reach here in the same turn of the event loop.
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 1) return settle(batch[0] as PendingMove, advanceCheckpoint(this.executor, batch[0]?.advance as CheckpointAdvance));
    try {
      const moved = new Set(await moveTogether(this.executor, batch.map((move) => move.advance)));
      for (const move of batch) settle(move, moved.has(move.advance.name) ? Promise.resolve() : advanceCheckpoint(this.executor, move.advance));
    } catch (error) {
      for (const move of batch) move.reject(error);
    }
  }
}

function settle(move: PendingMove, done: Promise<void>): void {
  done.then(move.resolve, move.reject);
}

/** The names whose checkpoint moved: each row only if it still stood where its page was read from. */
async function moveTogether(executor: SqlExecutor, moves: readonly CheckpointAdvance[]): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    executor,
    `WITH page AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[])
         AS p(name, from_position, to_position, processed, recorded_at)
     ), moved AS (
       UPDATE projection_checkpoints AS c SET
         position = page.to_position,
         events_processed = c.events_processed + page.processed,
         last_event_recorded_at = page.recorded_at,
         updated_at = now()
       FROM page
       WHERE c.name = page.name AND c.position IS NOT DISTINCT FROM page.from_position
       RETURNING c.name, c.position
     ), announced AS (SELECT pg_notify('${CHECKPOINT_CHANNEL}', moved.name || ' ' || moved.position) FROM moved)
     SELECT moved.name, (SELECT count(*) FROM announced) AS announced,
       set_config('synchronous_commit', 'off', true) AS relaxed
     FROM moved`,
    [
      moves.map((move) => move.name),
      moves.map((move) => move.from),
      moves.map((move) => move.last.position),
      moves.map((move) => move.processed),
      moves.map((move) => move.last.recordedAt),
    ],
  );
  return rows.map((row) => row.name);
}
