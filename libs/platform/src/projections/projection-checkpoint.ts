import type { Position, RecordedEvent } from '@cdtt/event-sourcing';
import { CheckpointConflictError, LeaseLostError } from './projection-errors';
import { queryRows, type SqlExecutor } from './sql-executor';

/** Creates the checkpoint row at "start" if missing, so a registered projection shows in status. */
export async function registerCheckpoint(executor: SqlExecutor, name: string): Promise<void> {
  await executor.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
}

/** The position after which to read next; null means "from the beginning of the log". */
export async function readCheckpoint(executor: SqlExecutor, name: string): Promise<Position | null> {
  const rows = await queryRows<{ position: string | null }>(
    executor,
    'SELECT position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0]?.position ?? null;
}

export interface CheckpointAdvance {
  readonly name: string;
  /** Where the batch started; the write only succeeds if the row still says so. */
  readonly from: Position | null;
  /** The last event read for the batch (the checkpoint moves past ignored events too). */
  readonly last: Pick<RecordedEvent, 'position' | 'recordedAt'>;
  readonly processed: number;
  readonly applied: number;
}

/**
 * The channel a checkpoint move is announced on, at its commit. Payload: the projection's name, a
 * space and the new position (`checkpointMoveOf` reads it), so a read-your-writes waiter knows
 * from the notification alone whether its projection got there.
 */
export const CHECKPOINT_CHANNEL = 'cdtt_checkpoints';

/** A checkpoint announcement: the projection and, unless an older writer sent only the name, where it moved. */
export function checkpointMoveOf(payload: string): { readonly name: string; readonly position: Position | null } {
  const space = payload.indexOf(' ');
  return space < 0 ? { name: payload, position: null } : { name: payload.slice(0, space), position: payload.slice(space + 1) };
}

/** The runner a batch's checkpoint move is fenced on: the lease row must still name it. */
export interface CheckpointFence {
  readonly owner: string;
}

/**
 * Moves the checkpoint, inside the batch transaction or alone for a page with nothing to apply,
 * and announces it (delivered at commit, so a read-your-writes waiter in the API checks again at
 * once instead of polling). The transaction commits without waiting for its WAL flush
 * (`synchronous_commit` off, for this transaction only; ADR 0016): a crash can lose only the
 * last such commits, rows and checkpoint together, and the runner applies those events again.
 * The events themselves are committed durably by their writers. Any later durable commit flushes
 * these too, so what is lost is always a suffix, never a hole. A compare-and-set on the previous position:
 * under READ COMMITTED a concurrent writer's UPDATE waits for ours, then re-checks the WHERE
 * against our committed row and matches nothing, so a batch can never be applied twice even if
 * the lease were misconfigured.
 *
 * A batch that applied events also stamps `data_changed_at`, the read models' data version with
 * `events_applied` (ADR 0024): a move over events of no interest leaves it.
 *
 * With a `fence` (a batch that wrote rows), the same statement first locks the lease row if it
 * still names the runner, and moves nothing otherwise (LeaseLostError): the row lock is held to
 * commit, so a takeover waits for this commit instead of racing it. One round trip, not two.
 */
export async function advanceCheckpoint(executor: SqlExecutor, advance: CheckpointAdvance, fence?: CheckpointFence): Promise<void> {
  const parameters = [advance.name, advance.from, advance.last.position, advance.processed, advance.applied, advance.last.recordedAt];
  const rows = await queryRows<{ moved: number; fenced: boolean }>(
    executor,
    `WITH ${fence ? "fence AS (SELECT owner FROM projection_leases WHERE name = $1 AND owner = $7 FOR UPDATE)," : ''}
     moved AS (
       INSERT INTO projection_checkpoints AS c
         (name, position, events_processed, events_applied, last_event_recorded_at, updated_at)
       SELECT $1::text, $3::text, $4::bigint, $5::bigint, $6::timestamptz, now()${fence ? ' FROM fence' : ''}
       ON CONFLICT (name) DO UPDATE SET
         position = EXCLUDED.position,
         events_processed = c.events_processed + EXCLUDED.events_processed,
         events_applied = c.events_applied + EXCLUDED.events_applied,
         last_event_recorded_at = EXCLUDED.last_event_recorded_at,
         updated_at = EXCLUDED.updated_at,
         data_changed_at = CASE WHEN EXCLUDED.events_applied > 0 THEN clock_timestamp() ELSE c.data_changed_at END
       WHERE c.position IS NOT DISTINCT FROM $2::text
       RETURNING name
     ), announced AS (SELECT pg_notify('${CHECKPOINT_CHANNEL}', moved.name || ' ' || $3::text) AS sent FROM moved),
     relaxed AS (SELECT set_config('synchronous_commit', 'off', true) AS setting)
     SELECT (SELECT count(*) FROM announced)::int AS moved, ${fence ? 'EXISTS (SELECT 1 FROM fence)' : 'true'} AS fenced,
       (SELECT setting FROM relaxed) AS relaxed`,
    fence ? [...parameters, fence.owner] : parameters,
  );
  const [row] = rows;
  if (row?.fenced === false) throw new LeaseLostError(advance.name, fence?.owner ?? '');
  if (!row || row.moved === 0) throw new CheckpointConflictError(advance.name, advance.from);
}
