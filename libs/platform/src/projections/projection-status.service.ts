import { systemClock, type Clock, type EventStore, type Position } from '@cdtt/event-sourcing';
import type { ProjectionStatus } from './projection-status';
import { queryRows, type SqlExecutor } from './sql-executor';

export interface ProjectionStatusOptions {
  /** Most events read to measure one projection's lag; beyond it `lagEventsCapped` is set. */
  readonly lagCap?: number;
  readonly pageSize?: number;
  readonly clock?: Clock;
}

interface StatusRow {
  name: string;
  position: string | null;
  events_processed: string;
  events_applied: string;
  last_event_recorded_at: Date | null;
  updated_at: Date;
  owner: string | null;
  expires_at: Date | null;
  lease_active: boolean | null;
  deferred_indexes: string[];
}

interface Lag {
  readonly events: number;
  readonly capped: boolean;
  readonly seconds: number;
}

const CAUGHT_UP: Lag = { events: 0, capped: false, seconds: 0 };

/**
 * Reads checkpoints and leases from PostgreSQL and measures lag against the event store.
 * Plain class (interfaces in its constructor): provide it with a Nest factory.
 */
export class ProjectionStatusService {
  private readonly lagCap: number;
  private readonly pageSize: number;
  private readonly clock: Clock;

  constructor(
    private readonly executor: SqlExecutor,
    private readonly store: EventStore,
    options: ProjectionStatusOptions = {},
  ) {
    this.lagCap = options.lagCap ?? 10_000;
    this.pageSize = options.pageSize ?? 1_000;
    this.clock = options.clock ?? systemClock;
  }

  /** Every projection with a checkpoint row (old versions included), or only `names`; by name. */
  async list(names?: readonly string[]): Promise<ProjectionStatus[]> {
    const rows = await queryRows<StatusRow>(
      this.executor,
      `SELECT c.name, c.position, c.events_processed, c.events_applied, c.last_event_recorded_at,
              c.updated_at, l.owner, l.expires_at, l.expires_at > now() AS lease_active,
              ARRAY(SELECT d.index_name FROM projection_deferred_indexes d WHERE d.projection = c.name ORDER BY d.index_name) AS deferred_indexes
       FROM projection_checkpoints c LEFT JOIN projection_leases l ON l.name = c.name
       WHERE $1::text[] IS NULL OR c.name = ANY($1::text[])
       ORDER BY c.name`,
      [names ? [...names] : null],
    );
    const head = await this.store.headPosition();
    const statuses: ProjectionStatus[] = [];
    // One at a time: lag reads hit the store, and the embedded database has one connection.
    for (const row of rows) statuses.push(this.toStatus(row, await this.lag(row.position, head)));
    return statuses;
  }

  async get(name: string): Promise<ProjectionStatus | null> {
    const [status] = await this.list([name]);
    return status ?? null;
  }

  private toStatus(row: StatusRow, lag: Lag): ProjectionStatus {
    return {
      name: row.name,
      position: row.position,
      eventsProcessed: Number(row.events_processed),
      eventsApplied: Number(row.events_applied),
      lastEventRecordedAt: row.last_event_recorded_at,
      updatedAt: row.updated_at,
      lease:
        row.owner !== null && row.expires_at !== null
          ? { owner: row.owner, expiresAt: row.expires_at, active: row.lease_active === true }
          : null,
      lagEvents: lag.events,
      lagEventsCapped: lag.capped,
      lagSeconds: lag.seconds,
      deferredIndexes: row.deferred_indexes,
    };
  }

  /** Positions are opaque but string-sortable: at or past the head means caught up, no reads. */
  private async lag(position: Position | null, head: Position | null): Promise<Lag> {
    if (head === null || (position !== null && position >= head)) return CAUGHT_UP;
    let after = position ?? undefined;
    let events = 0;
    let oldestRecordedAt: string | undefined;
    while (events < this.lagCap) {
      const wanted = Math.min(this.pageSize, this.lagCap - events);
      const page = await this.store.readAll({ after, maxCount: wanted });
      oldestRecordedAt ??= page[0]?.recordedAt;
      events += page.length;
      after = page.at(-1)?.position ?? after;
      if (page.length < wanted) break;
    }
    const capped = events >= this.lagCap && (await this.store.readAll({ after, maxCount: 1 })).length > 0;
    if (oldestRecordedAt === undefined) return CAUGHT_UP;
    const seconds = Math.max(0, (this.clock.now().getTime() - Date.parse(oldestRecordedAt)) / 1000);
    return { events, capped, seconds };
  }
}
