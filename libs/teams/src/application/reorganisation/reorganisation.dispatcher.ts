import { handleCommand, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { uuidFromKey } from '@cdtt/geography';
import { effectiveAtOf } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import type { FollowCommuneSuccession } from '../../domain/team.commands';
import { teamDecider } from '../../domain/team.decider';
import { teamStreamName } from '../../domain/team.events';
import { REORGANISATION_PROJECTION } from './reorganisation.projection';

/** The actor of the events the process manager writes. */
export const REORGANISATION_ACTOR = { clientId: 'process:reorganisation', role: 'ADMIN' } as const;

interface PendingCommand {
  seq: string;
  command_key: string;
  team_id: string;
  from_code: string;
  effective_on: string;
  caused_by: string;
}

/** Ids derived from the command's key: a re-dispatch after a crash appends the very same events. */
function idsFor(key: string): IdGenerator {
  let n = 0;
  return { next: () => uuidFromKey(`reorganisation|${key}|${n++}`) };
}

/** Commands read per batch, and teams dispatched at once (each holds a pool connection while it appends). */
const DRAIN_BATCH = 100;
const DRAIN_CONCURRENCY = 4;

/** What became of a queued command: the event type written, UNCHANGED, NO_EDGE (withdrawn since), or a rejection code. */
export type DispatchOutcome = string;

/**
 * The process manager's second half: issues the queued team commands through the Team decider
 * (read, decide, append with the expected revision), then marks them dispatched. At least once:
 * a crash between append and mark re-dispatches, and the decider answers "nothing to do" (the
 * team already followed) while the deterministic ids make a racing duplicate append a retry.
 */
export class ReorganisationDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  /**
   * Dispatches up to `limit` queued commands; returns how many. A team's commands go in queue
   * order, one after another; different teams' go `concurrency` at a time: they touch different
   * streams, and one at a time the dispatch waited on a commit per command (~100 a second here,
   * the tail of a national catch-up).
   */
  async drain(limit = DRAIN_BATCH, concurrency = DRAIN_CONCURRENCY): Promise<number> {
    const pending = await this.dataSource.query<PendingCommand[]>(
      `SELECT seq::text AS seq, command_key, team_id::text AS team_id, from_code, effective_on::text AS effective_on, caused_by::text AS caused_by
       FROM reorganisation_commands_v1 WHERE dispatched_at IS NULL ORDER BY seq LIMIT $1`,
      [limit],
    );
    const byTeam = new Map<string, PendingCommand[]>();
    for (const row of pending) {
      const rows = byTeam.get(row.team_id);
      if (rows) rows.push(row);
      else byTeam.set(row.team_id, [row]);
    }
    const teams = [...byTeam.values()];
    const worker = async (): Promise<void> => {
      for (let rows = teams.shift(); rows !== undefined; rows = teams.shift()) {
        for (const row of rows) {
          const outcome = await this.dispatch(row);
          await this.dataSource.query('UPDATE reorganisation_commands_v1 SET dispatched_at = now(), outcome = $2 WHERE seq = $1', [row.seq, outcome]);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return pending.length;
  }

  /** Drains until the queue is empty (tests, and the CLI after an import). */
  async drainAll(): Promise<number> {
    let total = 0;
    for (let n = await this.drain(); n > 0; n = await this.drain()) total += n;
    return total;
  }

  private async dispatch(row: PendingCommand): Promise<DispatchOutcome> {
    // The edges as known now: a split whose edges arrived in several batches is seen whole.
    const edges = await this.dataSource.query<Array<{ to_code: string; kind: string }>>(
      'SELECT to_code, kind FROM reorganisation_edges_v1 WHERE from_code = $1 AND effective_on = $2 ORDER BY to_code',
      [row.from_code, row.effective_on],
    );
    if (edges.length === 0) return 'NO_EDGE';
    const command: FollowCommuneSuccession = {
      type: 'FollowCommuneSuccession',
      fromCommuneCode: row.from_code,
      toCommuneCodes: edges.map((edge) => edge.to_code),
      successionKind: edges.length === 1 && edges[0]?.kind === 'FULL' ? 'FULL' : 'PARTIAL',
      effectiveDate: row.effective_on,
    };
    const outcome = await handleCommand(this.store, teamDecider, teamStreamName(row.team_id), command, {
      // The edges are part of the key: a split learnt edge by edge is a new decision, with new ids.
      ids: idsFor(`${row.command_key}|${command.successionKind}|${command.toCommuneCodes.join(',')}`),
      metadata: {
        correlationId: uuidFromKey(`reorganisation|${row.command_key}`),
        causationId: row.caused_by,
        actor: REORGANISATION_ACTOR,
        effectiveAt: effectiveAtOf(row.effective_on),
      },
    });
    if (!outcome.ok) return outcome.error.code;
    return outcome.events[0]?.type ?? 'UNCHANGED';
  }
}

/**
 * Runs the dispatcher in the projector process while this process holds the lease of the
 * `reorganisation_v1` projection: one active dispatcher, the same one that fills the queue.
 */
export class ReorganisationDispatchLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: ReorganisationDispatcher,
    private readonly owner: string,
    private readonly onError: (message: string) => void,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch((error: unknown) => this.onError(`reorganisation dispatch: ${String(error)}`));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Drains while batches come full (more are queued), checking the lease before each. */
  private async tick(): Promise<void> {
    while (await this.holdsLease()) {
      if ((await this.dispatcher.drain()) < DRAIN_BATCH) return;
    }
  }

  private async holdsLease(): Promise<boolean> {
    const held = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM projection_leases WHERE name = $1 AND owner = $2 AND expires_at > now()',
      [REORGANISATION_PROJECTION, this.owner],
    );
    return held.length > 0;
  }
}
