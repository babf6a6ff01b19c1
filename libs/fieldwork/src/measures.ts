import type { Period, ProvinceScope } from '@cdtt/platform';

/**
 * The task categories of Plan 557: what a team guides people in, and what a training covers.
 * The same list names training topics and field-work categories so figures line up. Codes are
 * stored in events: add new ones, never rename.
 */
export const TASK_CATEGORIES = [
  'ONLINE_PUBLIC_SERVICES',
  'E_COMMERCE',
  'E_PAYMENT',
  'E_HEALTH',
  'VIRTUAL_ASSISTANTS',
  'INFORMATION_SECURITY',
  'SOCIAL_MEDIA_SAFETY',
  'MAKE_IN_VIETNAM_PLATFORMS',
  'VNEID',
  'OTHER',
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

/** Outcomes a field activity may report, counted per category. */
export const ACTIVITY_OUTCOMES = [
  'ACCOUNTS_CREATED',
  'PUBLIC_SERVICE_DOSSIERS_FILED',
  'SELLERS_ONBOARDED',
  'EPAYMENT_ACCOUNTS_OPENED',
] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

/**
 * Measures the field-work read models compute for a unit and a period. Keys are stable strings
 * (the indicator catalogue of the reporting context maps indicators onto them). Per-category
 * figures use `<MEASURE>.<CATEGORY>`, e.g. `PEOPLE_GUIDED.E_COMMERCE`; the bare key is the total.
 */
export const FIELDWORK_MEASURES = [
  'TRAINING_SESSIONS_HELD',
  'MEMBERS_TRAINED',
  'ACTIVITIES_LOGGED',
  'PEOPLE_GUIDED',
  'HOUSEHOLDS_GUIDED',
  'VISITS',
  ...ACTIVITY_OUTCOMES,
  'MEETINGS_HELD',
  'HOUSEHOLDS_REACHED',
] as const;
export type FieldworkMeasure = (typeof FIELDWORK_MEASURES)[number];

/** Measures that have a per-category breakdown. */
export const CATEGORISED_MEASURES: readonly FieldworkMeasure[] = ['PEOPLE_GUIDED', 'HOUSEHOLDS_GUIDED', 'VISITS', ...ACTIVITY_OUTCOMES];

/** The unit a figure is for. A TEAM is named by its team id (UUID); the others by their code ('VN' for the nation). */
export interface MeasureUnit {
  readonly level: 'NATIONAL' | 'PROVINCE' | 'COMMUNE' | 'TEAM';
  readonly code: string;
}

/**
 * What the reporting context asks of field work: every measure of a unit over a period, keyed as
 * above, with 0 for measures that had nothing. Null when the unit is unknown or outside the scope.
 */
export interface FieldworkFigures {
  measures(unit: MeasureUnit, period: Period, scope: ProvinceScope): Promise<ReadonlyMap<string, number> | null>;
}

/** DI token under which the field-work module provides its `FieldworkFigures`. */
export const FIELDWORK_FIGURES = Symbol('FIELDWORK_FIGURES');

/**
 * Rule 7 made visible: activities of the period that were retracted (listed, flagged, not counted
 * in any other measure) and that were corrected at least once. Returned by `measures()` beside
 * FIELDWORK_MEASURES so no count ever drops silently.
 */
export const FIELDWORK_REVISION_MEASURES = ['ACTIVITIES_RETRACTED', 'ACTIVITIES_CORRECTED'] as const;
export type FieldworkRevisionMeasure = (typeof FIELDWORK_REVISION_MEASURES)[number];
