/** A Vietnam civil date `YYYY-MM-DD` (the application checks the form before deciding). */
export type LocalDate = string;

/** The levels a target or report is for. A TEAM is named by its team id (UUID); the others by code. */
export const REPORTING_LEVELS = ['PROVINCE', 'COMMUNE', 'TEAM'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

export interface ReportingUnit {
  readonly level: ReportingLevel;
  readonly code: string;
}

/** The two reporting lines of practice: the state line and the Youth Union line (domain.md §1). */
export const REPORTING_LINES = ['STATE', 'YOUTH_UNION'] as const;
export type ReportingLine = (typeof REPORTING_LINES)[number];

/**
 * How an indicator rolls up over units and time. SUM: a flow (people guided), added over days and
 * units. END_OF_PERIOD: a stock counted on the period's last day (teams, members), added over
 * units, never over time. RATIO: numerator ÷ denominator, each rolled up first (never an average
 * of ratios), so a province's coverage is its covered villages ÷ its villages.
 */
export const AGGREGATIONS = ['SUM', 'END_OF_PERIOD', 'RATIO'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const unitKey = (unit: ReportingUnit): string => `${unit.level}:${unit.code}`;
