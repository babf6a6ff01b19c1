import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { PersonDetailsChangedData, PersonRegisteredData } from '../domain/person.events';
import { refreshYouthUnionFlag } from './dated-rows.sql';

const personIdOf = (event: RecordedEvent): string => event.streamName.slice('person-'.length);

/**
 * `people_v1` keeps personal fields sealed, exactly as in the events: they are opened at read
 * time with the person's key, so forgetting (destroying the key) needs no read-model rewrite.
 */
export async function applyPersonEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const personId = personIdOf(event);
  switch (event.type) {
    case 'PersonRegistered': {
      const p = event.data as PersonRegisteredData;
      await queueSql(manager, 
        `INSERT INTO people_v1 (person_id, personal_data, youth_union_since, youth_union_until, registered_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id) DO NOTHING`,
        [personId, JSON.stringify(p.personal), p.youthUnionSince, p.youthUnionUntil, event.recordedAt],
      );
      // No flag to refresh: a person just registered is on no team yet (and a repeat changed nothing).
      return;
    }
    case 'PersonDetailsChanged': {
      const p = event.data as PersonDetailsChangedData;
      await queueSql(manager, 
        `UPDATE people_v1 SET personal_data = COALESCE($2::jsonb, personal_data), youth_union_since = $3, youth_union_until = $4
         WHERE person_id = $1`,
        [personId, p.personal ? JSON.stringify(p.personal) : null, p.youthUnionSince, p.youthUnionUntil],
      );
      break;
    }
    case 'PersonForgotten':
      // Youth Union dates stay: statistics must survive erasure (ADR 0007).
      await queueSql(manager, 'UPDATE people_v1 SET personal_data = NULL, forgotten_at = $2 WHERE person_id = $1', [
        personId,
        event.recordedAt,
      ]);
      return;
  }
  await refreshYouthUnionFlag(manager, 'SELECT team_id FROM team_memberships_v1 WHERE person_id = $1::uuid AND valid_to IS NULL', [
    personId,
  ]);
}
