import type { RecordedEvent } from '@cdtt/event-sourcing';
import { queueSql, type PostgresProjection, type ProjectionConsumers } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import type { VillageMovedData, VillageRegisteredData, VillageRenamedData, VillageRetiredData } from '../domain/village.events';

export const VILLAGES_PROJECTION = 'villages_v1';

/** `villages_v1`: the current state of each village; `version` is its stream revision. */
export const villagesProjection: PostgresProjection = {
  name: VILLAGES_PROJECTION,
  eventTypes: ['VillageRegistered', 'VillageRenamed', 'VillageRetired', 'VillageMoved'],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'VillageRegistered': {
        const v = event.data as VillageRegisteredData;
        await queueSql(manager, 
          `INSERT INTO villages_v1 (id, commune_code, name, kind, households, status, registered_on, version)
           VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7)
           ON CONFLICT (id) DO NOTHING`,
          [v.villageId, v.communeCode, v.name, v.kind, v.households, v.registeredOn, event.revision],
        );
        return;
      }
      case 'VillageRenamed': {
        const v = event.data as VillageRenamedData;
        await queueSql(manager, 'UPDATE villages_v1 SET name = $2, version = $3, updated_at = now() WHERE id = $1', [
          v.villageId,
          v.name,
          event.revision,
        ]);
        return;
      }
      case 'VillageRetired': {
        const v = event.data as VillageRetiredData;
        await queueSql(manager, 
          `UPDATE villages_v1 SET status = 'RETIRED', retired_on = $2, version = $3, updated_at = now() WHERE id = $1`,
          [v.villageId, v.retiredOn, event.revision],
        );
        return;
      }
      case 'VillageMoved': {
        const v = event.data as VillageMovedData;
        await queueSql(manager, 'UPDATE villages_v1 SET commune_code = $2, version = $3, updated_at = now() WHERE id = $1', [
          v.villageId,
          v.toCommuneCode,
          event.revision,
        ]);
        return;
      }
    }
  },
};

/** villages_v1 and every other context's copy of village events: what a village mutation waits for (ADR 0021). */
export const villageCopies = (consumers: ProjectionConsumers): string[] => consumers.of(villagesProjection.eventTypes, [VILLAGES_PROJECTION]);
