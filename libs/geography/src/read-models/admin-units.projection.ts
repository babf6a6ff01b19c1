import type { RecordedEvent } from '@cdtt/event-sourcing';
import { queueSql, type PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import type { AdministrativeUnitRecordedData } from '../domain/admin-unit.events';

export const ADMIN_UNITS_PROJECTION = 'admin_units_v1';

/**
 * `admin_units_v1`: one row per unit version. An upsert, so a re-recorded unit (a newer release
 * of the same list) replaces the row of the same version instead of failing the runner.
 */
export const adminUnitsProjection: PostgresProjection = {
  name: ADMIN_UNITS_PROJECTION,
  eventTypes: ['AdministrativeUnitRecorded'],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const u = event.data as AdministrativeUnitRecordedData;
    await queueSql(manager, 
      `INSERT INTO admin_units_v1 AS a (unit_key, level, code, name, full_name, name_en, type, parent_code,
         province_code, valid_from, valid_to, source, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (unit_key) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name,
         name_en = EXCLUDED.name_en, type = EXCLUDED.type, parent_code = EXCLUDED.parent_code,
         province_code = EXCLUDED.province_code, valid_to = EXCLUDED.valid_to, source = EXCLUDED.source,
         updated_at = now()`,
      [
        `${u.level}:${u.code}:${u.validFrom ?? '-'}`,
        u.level,
        u.code,
        u.name,
        u.fullName,
        u.nameEn,
        u.type,
        u.parentCode,
        u.provinceCode,
        u.validFrom,
        u.validTo,
        u.source,
      ],
    );
  },
};
