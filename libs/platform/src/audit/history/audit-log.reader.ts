import type { EventStore, RecordedEvent } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import type { ProvinceScope } from '../../security/scope/province-scope';

export interface AuditLogFilter {
  readonly eventTypes?: readonly string[] | null;
  readonly actorClientId?: string | null;
  readonly provinceCode?: string | null;
  readonly communeCode?: string | null;
  readonly recordedFrom?: string | null;
  readonly recordedTo?: string | null;
  readonly effectiveFrom?: string | null;
  readonly effectiveTo?: string | null;
}

interface LogRow {
  position: string;
  stream_name: string;
  revision: string;
}

/** A stream is visible to a restricted scope when one of its communes lies in a visible province. */
const IN_SCOPE = (stream: string, param: string): string =>
  `(${param}::text[] IS NULL OR EXISTS (SELECT 1 FROM audit_stream_units_v1 su WHERE su.stream_name = ${stream} AND su.province_code = ANY(${param}::text[])))`;

const WHERE = `($1::text[] IS NULL OR l.event_type = ANY($1::text[]))
  AND ($2::text IS NULL OR l.actor_client_id = $2)
  AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM audit_stream_units_v1 sp WHERE sp.stream_name = l.stream_name AND sp.province_code = $3))
  AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM audit_stream_units_v1 sc WHERE sc.stream_name = l.stream_name AND sc.commune_code = $4))
  AND ($5::timestamptz IS NULL OR l.recorded_at >= $5) AND ($6::timestamptz IS NULL OR l.recorded_at < $6)
  AND ($7::timestamptz IS NULL OR l.effective_at >= $7) AND ($8::timestamptz IS NULL OR l.effective_at < $8)
  AND ${IN_SCOPE('l.stream_name', '$9')}`;

/**
 * Reads for history and the audit log. The audit index (`audit_index_v1`) finds and scopes
 * events; the events themselves are read back from the store as stored, so what an auditor sees
 * is what the hash chain covers. The scope is a SQL condition: a portal never receives a row of
 * another province's stream, and an unknown stream and a hidden one answer the same.
 */
export class AuditLogReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storedEvents: EventStore,
  ) {}

  async page(filter: AuditLogFilter, scope: ProvinceScope, first: number, after: string | null): Promise<{ events: RecordedEvent[]; totalCount: number }> {
    const params = [
      filter.eventTypes && filter.eventTypes.length > 0 ? [...filter.eventTypes] : null,
      filter.actorClientId ?? null,
      filter.provinceCode ?? null,
      filter.communeCode ?? null,
      filter.recordedFrom ?? null,
      filter.recordedTo ?? null,
      filter.effectiveFrom ?? null,
      filter.effectiveTo ?? null,
      scope.sqlParam,
    ];
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT l.position, l.stream_name, l.revision FROM audit_log_v1 l
       WHERE ${WHERE} AND ($10::text IS NULL OR l.position > $10::text COLLATE "C")
       ORDER BY l.position LIMIT $11`,
      [...params, after, first + 1],
    );
    const counted: Array<{ n: string }> = await this.dataSource.query(`SELECT count(*) AS n FROM audit_log_v1 l WHERE ${WHERE}`, params);
    const events = await Promise.all(rows.map((row) => this.eventAt(row.stream_name, Number(row.revision))));
    return { events: events.filter((event): event is RecordedEvent => event !== null), totalCount: Number(counted[0]?.n ?? 0) };
  }

  /** Whether a restricted scope may see this stream (always true unrestricted). */
  async streamVisible(streamName: string, scope: ProvinceScope): Promise<boolean> {
    if (!scope.restricted) return true;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 WHERE ${IN_SCOPE('$1', '$2')}`, [streamName, scope.sqlParam]);
    return rows.length > 0;
  }

  /** Events of a stream as stored, from a revision on. */
  streamEvents(streamName: string, fromRevision: number, maxCount: number): Promise<RecordedEvent[]> {
    return this.storedEvents.readStream(streamName, { fromRevision, maxCount });
  }

  /** Events in the stream (its last revision + 1), 0 when unknown. */
  async streamLength(streamName: string): Promise<number> {
    const [last] = await this.storedEvents.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    return last === undefined ? 0 : last.revision + 1;
  }

  private async eventAt(streamName: string, revision: number): Promise<RecordedEvent | null> {
    const [event] = await this.storedEvents.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    return event?.revision === revision ? event : null;
  }
}
