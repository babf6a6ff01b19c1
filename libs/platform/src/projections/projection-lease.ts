import { queryRows, updatedRows, type SqlExecutor } from './sql-executor';

export interface ProjectionLeaseOptions {
  readonly name: string;
  /** Unique per runner instance (host, pid, random), so a restarted process is a new owner. */
  readonly owner: string;
  readonly ttlMs: number;
}

/**
 * The row that makes one runner per projection active. Expiry is judged by the database clock
 * only, so runners on hosts with skewed clocks agree. No session state: safe behind pgbouncer in
 * transaction mode, unlike session advisory locks.
 */
export class ProjectionLease {
  /** Local monotonic deadline until which we believe we hold the lease (conservative). */
  private believedUntil = 0;

  constructor(
    private readonly executor: SqlExecutor,
    private readonly options: ProjectionLeaseOptions,
  ) {}

  get owner(): string {
    return this.options.owner;
  }

  /**
   * True while our last confirmation is younger than the TTL; the fence in the batch's checkpoint
   * statement (`advanceCheckpoint`) is the real guarantee.
   */
  get held(): boolean {
    return performance.now() < this.believedUntil;
  }

  /**
   * Acquires or renews in one atomic statement: insert, or take over a row that has expired or is
   * already ours. Concurrent callers serialise on the row; exactly one sees its owner returned.
   */
  async acquire(): Promise<boolean> {
    const sentAt = performance.now();
    const rows = await queryRows<{ owner: string }>(
      this.executor,
      `INSERT INTO projection_leases AS l (name, owner, acquired_at, expires_at)
       VALUES ($1, $2, now(), now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET
         owner = EXCLUDED.owner,
         acquired_at = CASE WHEN l.owner = EXCLUDED.owner THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
         expires_at = EXCLUDED.expires_at
       WHERE l.expires_at < now() OR l.owner = EXCLUDED.owner
       RETURNING owner`,
      [this.options.name, this.options.owner, this.options.ttlMs],
    );
    // Measured from before the request: the database's expiry is at least this far away.
    this.believedUntil = rows.length > 0 ? sentAt + this.options.ttlMs : 0;
    return rows.length > 0;
  }

  /** Marks the lease lost locally (after a failed fence or renewal). */
  forget(): void {
    this.believedUntil = 0;
  }

  /** Expires our row (never someone else's) so a standby takes over without waiting for the TTL. */
  async release(): Promise<void> {
    this.believedUntil = 0;
    await updatedRows(
      this.executor,
      `UPDATE projection_leases SET expires_at = now() - interval '1 second'
       WHERE name = $1 AND owner = $2 RETURNING name`,
      [this.options.name, this.options.owner],
    );
  }
}
