import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { IndicatorDefinedData } from '../domain/indicator-definition';
import type { TargetPlanEvent } from '../domain/target-plan.events';

/** Applies one event of a `targetplan-…` stream. */
export async function applyTargetEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const e = { type: event.type, data: event.data } as TargetPlanEvent;
  switch (e.type) {
    case 'TargetAssigned': {
      const d = e.data;
      await queueSql(manager, 
        `INSERT INTO reporting_targets_v1 (province_code, period_code, level, unit_code, indicator_code, parent_level, parent_code, value, assigned_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [d.provinceCode, d.periodCode, d.unit.level, d.unit.code, d.indicatorCode, d.parent?.level ?? null, d.parent?.code ?? null, d.value, d.assignedOn],
      );
      return;
    }
    case 'TargetRevised': {
      const d = e.data;
      await queueSql(manager, 
        `UPDATE reporting_targets_v1 SET value = $5, revised_on = $6, revisions = revisions + 1
         WHERE period_code = $1 AND level = $2 AND unit_code = $3 AND indicator_code = $4`,
        [d.periodCode, d.unit.level, d.unit.code, d.indicatorCode, d.value, d.revisedOn],
      );
      return;
    }
    case 'TargetPeriodClosed': {
      const d = e.data;
      await queueSql(manager, 'INSERT INTO reporting_target_periods_v1 (province_code, period_code, closed_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        d.provinceCode,
        d.periodCode,
        d.closedOn,
      ]);
      return;
    }
  }
}

/** Applies IndicatorDefined from an `indicators-…` stream. */
export async function applyIndicatorEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = event.data as IndicatorDefinedData;
  await queueSql(manager, 
    `INSERT INTO reporting_indicators_v1 (year, code, province_code, name_vi, name_en, unit, aggregation, source, denominator_source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [d.year, d.code, d.provinceCode, d.nameVi, d.nameEn, d.unit, d.aggregation, d.source, d.denominatorSource],
  );
}
