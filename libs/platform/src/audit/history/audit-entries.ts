import type { RecordedEvent } from '@cdtt/event-sourcing';
import { auditEventTypeOf, UNREGISTERED_ENTRY_TYPE } from './audit-event-registry';
import type { AuditPersonalData } from './audit-personal-data';

/** The value behind an `AuditEntry` (resolveType reads `graphqlType`). */
export interface AuditEntryValue {
  readonly graphqlType: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly actor: { readonly clientId: string; readonly role: string };
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly hash: string;
  readonly prevHash: string;
  readonly data: unknown;
}

/** Events as stored → entries, with registered personal fields opened (or `[erased]`). */
export async function auditEntriesOf(events: readonly RecordedEvent[], personal: AuditPersonalData): Promise<AuditEntryValue[]> {
  return Promise.all(events.map((event) => auditEntryOf(event, personal)));
}

async function auditEntryOf(event: RecordedEvent, personal: AuditPersonalData): Promise<AuditEntryValue> {
  const registration = auditEventTypeOf(event.type);
  let data: unknown = null;
  if (registration) {
    data = structuredClone(event.data);
    for (const { path, fields } of registration.personalPaths) {
      const parent = valueAt(data, path.slice(0, -1));
      const key = path.at(-1);
      if (key === undefined || typeof parent !== 'object' || parent === null) continue;
      const record = parent as Record<string, unknown>;
      record[key] = await personal.open(event.streamName, record[key], fields);
    }
  }
  const m = event.metadata;
  return {
    graphqlType: registration?.graphqlType ?? UNREGISTERED_ENTRY_TYPE,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    stream: event.streamName,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
    effectiveAt: m.effectiveAt,
    actor: { clientId: m.actor.clientId, role: m.actor.role },
    correlationId: m.correlationId,
    causationId: m.causationId,
    hash: m.hash,
    prevHash: m.prevHash,
    data,
  };
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
