import type { Position } from '@cdtt/event-sourcing';
import { ChangeNotifier, listenClientsOf } from '@cdtt/event-store-postgres';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CHECKPOINT_CHANNEL, checkpointMoveOf } from './projection-checkpoint';

/** How often a waiter that hears checkpoint moves still checks, in case a notification was lost. */
const LISTENING_RECHECK_MS = 100;

/**
 * Read-your-writes for mutations: waits until the named projections have checkpointed at or past
 * the position of the events just appended, so the payload reads the read model as changed.
 * Positions are string-sortable by contract. Returns false on timeout (the payload may then be
 * one step behind; `version` still tells the client what it wrote).
 *
 * With `moves` delivering (a PostgreSQL server), it checks once, then waits until each of its
 * projections announces a move at or past the position (the announcement carries it): one query
 * for a typical mutation, and a recheck every `recheckMs` in case a notification was lost.
 * Otherwise (no notification heard yet; the embedded database never delivers them across
 * connections) it polls soon, then less often: 1, 2, 4, 8, 16 ms, then every `pollMs`.
 */
export class ProjectionWaiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pollMs = 20,
    private readonly moves: ChangeNotifier | null = null,
    private readonly recheckMs = LISTENING_RECHECK_MS,
  ) {}

  /** A waiter that listens for checkpoint moves on its own connection (made like the pool's). */
  static listening(dataSource: DataSource, pool: Pool, onListenError: (error: unknown) => void, recheckMs = LISTENING_RECHECK_MS): ProjectionWaiter {
    const moves = new ChangeNotifier(listenClientsOf(pool, 'checkpoints', 'cdtt'), onListenError, CHECKPOINT_CHANNEL);
    return new ProjectionWaiter(dataSource, 20, moves, recheckMs);
  }

  async waitFor(projectionNames: readonly string[], position: Position, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // Projections not yet heard announcing a move at or past the position.
    const pending = new Set(projectionNames);
    // A move of ours wakes us only when it got there (or did not say where: then the query decides).
    const ours = (payload: string | undefined): boolean => {
      if (payload === undefined) return false;
      const move = checkpointMoveOf(payload);
      if (!pending.has(move.name)) return false;
      if (move.position === null) return true;
      if (move.position >= position) pending.delete(move.name);
      return pending.size === 0;
    };
    for (let pause = 1; ; pause = Math.min(pause * 2, this.pollMs)) {
      // Listen before checking, so a move committed between the check and the wait still wakes us.
      const stop = new AbortController();
      const wait = Math.max(0, Math.min(this.moves?.delivering === true ? this.recheckMs : pause, deadline - Date.now()));
      const moved = this.moves ? this.moves.waitForChange(wait, stop.signal, ours) : null;
      const reached = pending.size === 0 || (await this.reached(projectionNames, position));
      if (reached || Date.now() >= deadline) {
        stop.abort();
        await moved;
        return reached;
      }
      await (moved ?? new Promise((resolve) => setTimeout(resolve, wait)));
    }
  }

  /** Closes the listening connection, if any. */
  async close(): Promise<void> {
    await this.moves?.close();
  }

  private async reached(projectionNames: readonly string[], position: Position): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM projection_checkpoints WHERE name = ANY($1) AND position >= $2',
      [projectionNames, position],
    );
    return (rows[0]?.n ?? 0) >= projectionNames.length;
  }
}
