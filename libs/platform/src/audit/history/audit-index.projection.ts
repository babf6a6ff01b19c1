import { queueSql } from '../../projections/write-queue';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import { ANY_EVENT_TYPE, type PostgresProjection } from '../../projections/postgres-projection';

export const AUDIT_INDEX_PROJECTION = 'audit_index_v1';

/** The fields of other contexts' events this index needs; kept structural so no context is imported. */
interface CommuneRecorded {
  readonly level: string;
  readonly code: string;
  readonly provinceCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

const streamOf = (prefix: string, id: unknown): string | null => (typeof id === 'string' ? `${prefix}-${id}` : null);

/**
 * `audit_index_v1`: a row per event (envelope fields only) and the stream → commune/province map
 * that scopes history and the audit log (migration 1764306000010). Every event is indexed; the
 * map learns from TeamEstablished, TeamReattached, TeamHeldForSuccessorChoice (every successor),
 * VillageRegistered, VillageMoved, MemberJoined, TeamsMerged and commune units, read only from their
 * own aggregates' streams so a same-named event elsewhere cannot claim a province. A stream keeps
 * every province it ever belonged to: its history stays visible to the provinces that held it, and
 * a person's follows every team they joined wherever it is attached later (`audit_team_people_v1`).
 */
export const auditIndexProjection: PostgresProjection = {
  name: AUDIT_INDEX_PROJECTION,
  eventTypes: [ANY_EVENT_TYPE],
  apply: (event: RecordedEvent, manager: EntityManager): Promise<void> => indexPage([event], manager),
  applyPage: (events: readonly RecordedEvent[], manager: EntityManager): Promise<void> => indexPage(events, manager),
  // The auditors' filters: the projection itself only inserts log rows by position.
  queryOnlyIndexes: ['audit_log_v1_type', 'audit_log_v1_actor', 'audit_log_v1_stream', 'audit_log_v1_recorded', 'audit_log_v1_effective'],
};

/**
 * A page's log rows in one statement (they are independent of each other), then the stream map
 * event by event in log order (only the few types it learns from write anything).
 */
async function indexPage(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const column = <T>(pick: (event: RecordedEvent) => T): T[] => events.map(pick);
  await queueSql(manager, 
    `INSERT INTO audit_log_v1 (position, event_id, stream_name, revision, event_type, actor_client_id, actor_role, recorded_at, effective_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
     ON CONFLICT (position) DO NOTHING`,
    [
      column((e) => e.position),
      column((e) => e.id),
      column((e) => e.streamName),
      column((e) => e.revision),
      column((e) => e.type),
      column((e) => e.metadata.actor.clientId),
      column((e) => e.metadata.actor.role),
      column((e) => e.recordedAt),
      column((e) => e.metadata.effectiveAt),
    ],
  );
  let joins: Array<{ person: string; team: string }> = [];
  for (const event of events) {
    const joined = memberJoinedOf(event);
    if (joined) {
      joins.push(joined);
      continue;
    }
    await joinAll(joins, manager);
    joins = [];
    await indexUnits(event, manager);
  }
  await joinAll(joins, manager);
}

/** A MemberJoined of a team stream as the person and team streams it links, else null. */
function memberJoinedOf(event: RecordedEvent): { person: string; team: string } | null {
  if (event.type !== 'MemberJoined' || !event.streamName.startsWith('team-')) return null;
  const person = streamOf('person', (event.data as { personId?: unknown } | null)?.personId);
  return person === null ? null : { person, team: event.streamName };
}

/** A civil date from the data, else the event's effective day. */
const dateOf = (value: unknown, event: RecordedEvent): string => (typeof value === 'string' ? value : event.metadata.effectiveAt.slice(0, 10));

async function indexUnits(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.type === 'AdministrativeUnitRecorded') return recordCommune(data as unknown as CommuneRecorded, manager);
  if (event.type === 'TeamEstablished' && event.streamName.startsWith('team-')) {
    return attach(event.streamName, data.communeCode, dateOf(data.effectiveDate, event), manager);
  }
  if (event.type === 'VillageRegistered' && event.streamName.startsWith('village-')) {
    return attach(event.streamName, data.communeCode, dateOf(data.registeredOn, event), manager);
  }
  if (event.type === 'TeamReattached' && event.streamName.startsWith('team-')) {
    // The team (and its history, and its people's) now belongs to the successor commune's province as well.
    await attach(event.streamName, data.toCommuneCode, dateOf(data.effectiveDate, event), manager);
    return shareWithPeople(event.streamName, manager);
  }
  if (event.type === 'TeamHeldForSuccessorChoice' && event.streamName.startsWith('team-')) {
    // While a person must choose, every successor's province may look (ADR 0012, amendment).
    const successors = Array.isArray(data.successorCodes) ? data.successorCodes : [];
    for (const code of successors) await attach(event.streamName, code, dateOf(data.effectiveDate, event), manager);
    return shareWithPeople(event.streamName, manager);
  }
  if (event.type === 'TeamsMerged' && event.streamName.startsWith('team-') && Array.isArray(data.members)) {
    // Members of the absorbed teams joined the survivor without a MemberJoined of their own.
    const people = (data.members as Array<{ personId?: unknown }>).map((member) => streamOf('person', member.personId));
    return joinAll(people.flatMap((person) => (person === null ? [] : [{ person, team: event.streamName }])), manager);
  }
  if (event.type === 'VillageMoved' && event.streamName.startsWith('village-')) {
    return attach(event.streamName, data.toCommuneCode, dateOf(data.movedOn, event), manager);
  }
  const joined = memberJoinedOf(event);
  if (joined) await joinAll([joined], manager);
}

/**
 * A person belongs to the provinces of every team they joined, including those the team moves to
 * later. A run of consecutive joins (a roster) changes no team's units, and each join adds rows of
 * its own person only, so the run leaves what one statement per join leaves. One statement per team
 * of the run (a roster is one team): with the team named as a constant the planner always reads its
 * units through the primary key. Joined against an unnest of teams instead, it chose a sequential
 * scan of the whole map whenever its statistics lagged the catch-up (9.7 ms a statement on the
 * national log). Both writes share the statement (a data-modifying CTE always runs); neither reads
 * the other's rows.
 */
async function joinAll(joins: ReadonlyArray<{ person: string; team: string }>, manager: EntityManager): Promise<void> {
  const byTeam = new Map<string, string[]>();
  for (const { person, team } of joins) {
    const people = byTeam.get(team);
    if (people) people.push(person);
    else byTeam.set(team, [person]);
  }
  for (const [team, people] of byTeam) {
    await queueSql(
      manager,
      `WITH joined AS (INSERT INTO audit_team_people_v1 (team_stream, person_stream) SELECT $2::text, p FROM unnest($1::text[]) AS p ON CONFLICT DO NOTHING)
       INSERT INTO audit_stream_units_v1 (stream_name, commune_code, province_code)
       SELECT p.person_stream, u.commune_code, u.province_code FROM audit_stream_units_v1 u CROSS JOIN unnest($1::text[]) AS p(person_stream)
       WHERE u.stream_name = $2::text
       ON CONFLICT (stream_name, commune_code) DO NOTHING`,
      [people, team],
    );
  }
}

/** After a team gained a commune: everyone who ever joined it gains it too. */
async function shareWithPeople(teamStream: string, manager: EntityManager): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO audit_stream_units_v1 (stream_name, commune_code, province_code)
     SELECT p.person_stream, u.commune_code, u.province_code FROM audit_team_people_v1 p
     JOIN audit_stream_units_v1 u ON u.stream_name = p.team_stream WHERE p.team_stream = $1
     ON CONFLICT (stream_name, commune_code) DO NOTHING`,
    [teamStream],
  );
}

async function recordCommune(unit: CommuneRecorded, manager: EntityManager): Promise<void> {
  if (unit.level !== 'COMMUNE') return;
  await queueSql(manager, 
    `INSERT INTO audit_communes_v1 (unit_key, commune_code, province_code, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (unit_key) DO UPDATE SET province_code = EXCLUDED.province_code, valid_to = EXCLUDED.valid_to`,
    [`${unit.code}:${unit.validFrom ?? '-'}`, unit.code, unit.provinceCode, unit.validFrom, unit.validTo],
  );
  // Streams attached before their commune was recorded get its province now.
  await queueSql(manager, 'UPDATE audit_stream_units_v1 SET province_code = $2 WHERE commune_code = $1 AND province_code IS NULL', [
    unit.code,
    unit.provinceCode,
  ]);
}

/** A stream belongs to the commune's province as in force on `date` (the code may have been reused). */
async function attach(streamName: string, communeCode: unknown, date: string, manager: EntityManager): Promise<void> {
  if (typeof communeCode !== 'string') return;
  await queueSql(manager, 
    `INSERT INTO audit_stream_units_v1 (stream_name, commune_code, province_code)
     VALUES ($1, $2, (SELECT c.province_code FROM audit_communes_v1 c WHERE c.commune_code = $2
       ORDER BY ((c.valid_from IS NULL OR c.valid_from <= $3::date) AND (c.valid_to IS NULL OR c.valid_to > $3::date)) DESC, c.valid_from DESC NULLS LAST
       LIMIT 1))
     ON CONFLICT (stream_name, commune_code) DO NOTHING`,
    [streamName, communeCode, date],
  );
}
