import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type {
  AdministrativeUnitRecordedData,
  VillageMovedData,
  VillageRegisteredData,
  VillageRenamedData,
  VillageRetiredData,
} from '@cdtt/geography';
import type { EntityManager } from 'typeorm';

/**
 * This lib's own copy of the geography facts statistics need (units with their province and
 * validity; villages with their commune and dates), so replays never depend on another
 * projection's progress.
 */
export async function applyGeographyEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'AdministrativeUnitRecorded': {
      const u = event.data as AdministrativeUnitRecordedData;
      await queueSql(manager, 
        `INSERT INTO team_admin_units_v1 (unit_key, level, code, name, province_code, valid_from, valid_to, parent_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (unit_key) DO UPDATE SET name = EXCLUDED.name, province_code = EXCLUDED.province_code,
           valid_to = EXCLUDED.valid_to, parent_code = EXCLUDED.parent_code`,
        [`${u.level}:${u.code}:${u.validFrom ?? '-'}`, u.level, u.code, u.name, u.provinceCode, u.validFrom, u.validTo, u.parentCode],
      );
      if (u.level === 'COMMUNE') {
        // A team recorded before its commune's unit gets its province (and so its portal scope) now.
        await queueSql(manager, 
          `UPDATE teams_v1 SET province_code = $2, visible_province_codes = ARRAY[$2::text]
           WHERE commune_code = $1 AND province_code IS NULL AND cardinality(visible_province_codes) = 0`,
          [
          u.code,
          u.provinceCode,
        ]);
      }
      return;
    }
    case 'VillageRegistered': {
      const v = event.data as VillageRegisteredData;
      await queueSql(manager, 
        `INSERT INTO team_villages_v1 (village_id, commune_code, name, registered_on) VALUES ($1, $2, $3, $4)
         ON CONFLICT (village_id) DO NOTHING`,
        [v.villageId, v.communeCode, v.name, v.registeredOn],
      );
      return;
    }
    case 'VillageRenamed': {
      const v = event.data as VillageRenamedData;
      await queueSql(manager, 'UPDATE team_villages_v1 SET name = $2 WHERE village_id = $1', [v.villageId, v.name]);
      return;
    }
    case 'VillageMoved': {
      // The village's current commune; its past commune is not kept here (statistics count it in its commune now).
      const v = event.data as VillageMovedData;
      await queueSql(manager, 'UPDATE team_villages_v1 SET commune_code = $2 WHERE village_id = $1', [v.villageId, v.toCommuneCode]);
      return;
    }
    case 'VillageRetired': {
      const v = event.data as VillageRetiredData;
      await queueSql(manager, 'UPDATE team_villages_v1 SET retired_on = $2 WHERE village_id = $1', [v.villageId, v.retiredOn]);
      return;
    }
  }
}
