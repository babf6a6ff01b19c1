import type { Aggregation } from '../domain/reporting.model';

/**
 * One indicator of the catalogue (not a GraphQL type). `source` names where its figure comes
 * from: `TEAMS:<measure>`, `FIELDWORK:<measure key>` or `MANUAL` (entered in the report).
 * A RATIO has a `denominatorSource` too.
 */
export interface Indicator {
  readonly year: number;
  /** Null for a national indicator (built in or defined by an admin); else the province that defined it. */
  readonly provinceCode: string | null;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly aggregation: Aggregation;
  readonly source: string;
  readonly denominatorSource: string | null;
  readonly builtIn: boolean;
}

export const MANUAL_SOURCE = 'MANUAL';

/** What the teams read models give per unit (TeamStatisticsService), as measure keys. */
export const TEAMS_MEASURES = [
  'ACTIVE_TEAMS',
  'VILLAGES',
  'VILLAGES_COVERED',
  'COMMUNES_AT_FULL_COVERAGE',
  'MEMBERS',
  'LEADERS',
  'YOUTH_UNION_MEMBERS',
  'TEAMS_WITHOUT_YOUTH_UNION_MEMBER',
] as const;
export type TeamsMeasure = (typeof TEAMS_MEASURES)[number];
