import type { RecordedEvent } from '@cdtt/event-sourcing';
import { queueSql, type PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import type { AdministrativeUnitSucceededData, AdministrativeUnitSuccessionWithdrawnData } from '../domain/admin-unit.events';

export const ADMIN_UNIT_SUCCESSIONS_PROJECTION = 'admin_unit_successions_v1';

/** `admin_unit_successions_v1`: old unit → new unit edges in force (withdrawn ones deleted). */
export const adminUnitSuccessionsProjection: PostgresProjection = {
  name: ADMIN_UNIT_SUCCESSIONS_PROJECTION,
  eventTypes: ['AdministrativeUnitSucceeded', 'AdministrativeUnitSuccessionWithdrawn'],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (event.type === 'AdministrativeUnitSuccessionWithdrawn') {
      const w = event.data as AdministrativeUnitSuccessionWithdrawnData;
      await queueSql(manager, 
        `DELETE FROM admin_unit_successions_v1 WHERE from_level = $1 AND from_code = $2 AND to_level = $3 AND to_code = $4 AND effective_on = $5`,
        [w.fromLevel, w.fromCode, w.toLevel, w.toCode, w.effectiveOn],
      );
      return;
    }
    const e = event.data as AdministrativeUnitSucceededData;
    await queueSql(manager, 
      `INSERT INTO admin_unit_successions_v1 (from_level, from_code, to_level, to_code, effective_on, kind, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (from_level, from_code, to_level, to_code, effective_on)
       DO UPDATE SET kind = EXCLUDED.kind, source = EXCLUDED.source`,
      [e.fromLevel, e.fromCode, e.toLevel, e.toCode, e.effectiveOn, e.kind, e.source],
    );
  },
};
