import { unitKey, type Aggregation, type ReportingUnit } from './reporting.model';
import { targetKey, type TargetPlanState } from './target-plan.decider';

/** A remark that does not refuse the change (shown in the payload's `warnings`). */
export interface AllocationWarning {
  readonly code: 'TARGET_OVER_ALLOCATED' | 'TARGET_UNDER_ALLOCATED';
  readonly message: string;
  readonly unit: ReportingUnit;
  readonly indicatorCode: string;
  readonly target: number;
  readonly allocated: number;
}

function checkParent(state: TargetPlanState, parent: ReportingUnit, indicatorCode: string): AllocationWarning | null {
  const target = state.targets.get(targetKey(parent, indicatorCode));
  if (!target) return null;
  const parentKey = unitKey(parent);
  const children = [...state.targets.values()].filter((t) => t.indicatorCode === indicatorCode && t.parent && unitKey(t.parent) === parentKey);
  if (children.length === 0) return null;
  // Rounded to the thousandth so 0.1 + 0.2 does not warn against 0.3.
  const allocated = Math.round(children.reduce((sum, t) => sum + t.value, 0) * 1000) / 1000;
  if (allocated === target.value) return null;
  const over = allocated > target.value;
  const message = `${children.length} target(s) below ${parentKey} for ${indicatorCode} add up to ${allocated}, ${over ? 'above' : 'below'} its target ${target.value}.`;
  return { code: over ? 'TARGET_OVER_ALLOCATED' : 'TARGET_UNDER_ALLOCATED', message, unit: parent, indicatorCode, target: target.value, allocated };
}

/**
 * Allocation checks after a change to `unit`'s target: against its parent (do its siblings and it
 * add up to the parent's target?) and as a parent itself. A mismatch is a warning, not a refusal:
 * targets are often handed out in several sittings. Ratios do not add up, so they are not checked.
 */
export function allocationWarnings(state: TargetPlanState, unit: ReportingUnit, indicatorCode: string, aggregation: Aggregation): AllocationWarning[] {
  if (aggregation === 'RATIO') return [];
  const own = state.targets.get(targetKey(unit, indicatorCode));
  if (!own) return [];
  return [own.parent ? checkParent(state, own.parent, indicatorCode) : null, checkParent(state, unit, indicatorCode)].filter(
    (w): w is AllocationWarning => w !== null,
  );
}
