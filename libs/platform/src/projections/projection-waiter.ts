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

  async waitFor(projectionNames: readonly string[], position: Position, timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM projection_checkpoints WHERE name = ANY($1) AND position >= $2',
        [projectionNames, position],
      );
      if ((rows[0]?.n ?? 0) >= projectionNames.length) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}
