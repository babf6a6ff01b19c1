import type { Position } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';

/**
 * Read-your-writes for mutations: waits until the named projections have checkpointed at or past
 * the position of the events just appended, so the payload reads the read model as changed.
 * Positions are string-sortable by contract. Returns false on timeout (the payload may then be
 * one step behind; `version` still tells the client what it wrote).
 */
export class ProjectionWaiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pollMs = 20,
  ) {}

  /**
   * Polls soon, then less often: the projector usually applies a command's events within a few
   * milliseconds of its wake-up, so a first wait of the full interval would be most of a
   * mutation's latency. 1, 2, 4, 8, 16 ms, then every `pollMs`.
   */
  async waitFor(projectionNames: readonly string[], position: Position, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, this.pollMs)) {
      const rows = await this.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM projection_checkpoints WHERE name = ANY($1) AND position >= $2',
        [projectionNames, position],
      );
      if ((rows[0]?.n ?? 0) >= projectionNames.length) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
