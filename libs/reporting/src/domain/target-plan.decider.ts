import type { DomainError } from '@cdtt/event-sourcing';
import { ReportingErrors } from './reporting.errors';
import { unitKey, type Aggregation, type LocalDate, type ReportingUnit } from './reporting.model';
import type { TargetPlanEvent } from './target-plan.events';

export interface PlannedTarget {
  readonly unit: ReportingUnit;
  readonly parent: ReportingUnit | null;
  readonly indicatorCode: string;
  readonly value: number;
}

export interface TargetPlanState {
  readonly closed: boolean;
  /** By `<level>:<code>|<indicator>`. */
  readonly targets: ReadonlyMap<string, PlannedTarget>;
}

/** The indicator as the catalogue of the period's year has it for the unit's province; null when absent. */
export interface IndicatorFacts {
  readonly aggregation: Aggregation;
}

export type TargetPlanCommand =
  | {
      readonly type: 'AssignTarget';
      readonly provinceCode: string;
      readonly periodCode: string;
      readonly unit: ReportingUnit;
      readonly parent: ReportingUnit | null;
      readonly indicatorCode: string;
      readonly indicator: IndicatorFacts | null;
      readonly value: number;
      readonly today: LocalDate;
    }
  | {
      readonly type: 'ReviseTarget';
      readonly provinceCode: string;
      readonly periodCode: string;
      readonly unit: ReportingUnit;
      readonly indicatorCode: string;
      readonly indicator: IndicatorFacts | null;
      readonly value: number;
      readonly reason: string;
      readonly today: LocalDate;
    }
  | { readonly type: 'CloseTargetPeriod'; readonly provinceCode: string; readonly periodCode: string; readonly today: LocalDate };

export const targetKey = (unit: ReportingUnit, indicatorCode: string): string => `${unitKey(unit)}|${indicatorCode}`;

function checkValue(value: number, indicator: IndicatorFacts): DomainError | null {
  if (!Number.isFinite(value) || value < 0 || (indicator.aggregation === 'RATIO' && value > 1)) return ReportingErrors.targetValueInvalid();
  return null;
}

function decideAssign(command: Extract<TargetPlanCommand, { type: 'AssignTarget' }>, state: TargetPlanState): readonly TargetPlanEvent[] | DomainError {
  const { provinceCode, periodCode, unit, parent, indicatorCode, indicator, value, today } = command;
  if (!indicator) return ReportingErrors.indicatorNotFound(indicatorCode);
  const invalid = checkValue(value, indicator);
  if (invalid) return invalid;
  if (state.targets.has(targetKey(unit, indicatorCode))) return ReportingErrors.targetAlreadyAssigned();
  // Rule 8: a commune's target is carved from its province's, a team's from its commune's.
  if (parent && !state.targets.has(targetKey(parent, indicatorCode))) return ReportingErrors.targetParentMissing(unitKey(parent));
  return [{ type: 'TargetAssigned', data: { provinceCode, periodCode, unit, parent, indicatorCode, value, assignedOn: today } }];
}

/**
 * A province's targets for one period (stream `targetplan-<province>-<period>`), so a rule that
 * spans levels (top-down, allocation) is decided on one consistent state, and closing freezes all.
 */
export const targetPlanDecider = {
  initialState: { closed: false, targets: new Map() } as TargetPlanState,
  evolve(state: TargetPlanState, event: TargetPlanEvent): TargetPlanState {
    switch (event.type) {
      case 'TargetAssigned': {
        const { unit, parent, indicatorCode, value } = event.data;
        return { ...state, targets: new Map(state.targets).set(targetKey(unit, indicatorCode), { unit, parent, indicatorCode, value }) };
      }
      case 'TargetRevised': {
        const key = targetKey(event.data.unit, event.data.indicatorCode);
        const before = state.targets.get(key);
        return before ? { ...state, targets: new Map(state.targets).set(key, { ...before, value: event.data.value }) } : state;
      }
      case 'TargetPeriodClosed':
        return { ...state, closed: true };
    }
  },
  decide(command: TargetPlanCommand, state: TargetPlanState): readonly TargetPlanEvent[] | DomainError {
    if (state.closed) return ReportingErrors.targetPeriodClosed(command.periodCode);
    switch (command.type) {
      case 'AssignTarget':
        return decideAssign(command, state);
      case 'ReviseTarget': {
        const { provinceCode, periodCode, unit, indicatorCode, indicator, value, reason, today } = command;
        const before = state.targets.get(targetKey(unit, indicatorCode));
        if (!before || !indicator) return ReportingErrors.targetNotFound();
        const invalid = checkValue(value, indicator);
        if (invalid) return invalid;
        if (!reason.trim()) return ReportingErrors.reasonRequired();
        if (value === before.value) return [];
        return [{ type: 'TargetRevised', data: { provinceCode, periodCode, unit, indicatorCode, value, previousValue: before.value, reason, revisedOn: today } }];
      }
      case 'CloseTargetPeriod': {
        const { provinceCode, periodCode, today } = command;
        return [{ type: 'TargetPeriodClosed', data: { provinceCode, periodCode, closedOn: today } }];
      }
    }
  },
};
