import type { LocalDate, ReportingUnit } from './reporting.model';

/** Stream `targetplan-<province>-<period>`: every target of one province for one period, and its closing. */
export const targetPlanStreamName = (provinceCode: string, periodCode: string): string => `targetplan-${provinceCode}-${periodCode}`;

export interface TargetAssignedData {
  readonly provinceCode: string;
  readonly periodCode: string;
  readonly unit: ReportingUnit;
  /** The unit one level up whose target this one is carved from: null for a province. */
  readonly parent: ReportingUnit | null;
  readonly indicatorCode: string;
  readonly value: number;
  readonly assignedOn: LocalDate;
}

export interface TargetRevisedData {
  readonly provinceCode: string;
  readonly periodCode: string;
  readonly unit: ReportingUnit;
  readonly indicatorCode: string;
  readonly value: number;
  readonly previousValue: number;
  readonly reason: string;
  readonly revisedOn: LocalDate;
}

export interface TargetPeriodClosedData {
  readonly provinceCode: string;
  readonly periodCode: string;
  readonly closedOn: LocalDate;
}

export type TargetPlanEvent =
  | { readonly type: 'TargetAssigned'; readonly data: TargetAssignedData }
  | { readonly type: 'TargetRevised'; readonly data: TargetRevisedData }
  | { readonly type: 'TargetPeriodClosed'; readonly data: TargetPeriodClosedData };

export const TARGET_PLAN_EVENT_TYPES = ['TargetAssigned', 'TargetRevised', 'TargetPeriodClosed'] as const;
