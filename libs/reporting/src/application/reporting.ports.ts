import type { ProvinceScope } from '@cdtt/platform';
import type { LocalDate, ReportingUnit } from '../domain/reporting.model';

/** A unit figures are computed for: a reporting unit, or the nation (code VN) on statistics. */
export interface FigureUnit {
  readonly level: ReportingUnit['level'] | 'NATIONAL';
  readonly code: string;
}

/** What figures are computed for: the unit and the province whose catalogue applies (null: the national one). */
export interface FigureSubject {
  readonly unit: FigureUnit;
  readonly provinceCode: string | null;
}

/** A unit the caller may see, with its province and the unit one level up (its target's parent). */
export interface ResolvedUnit {
  readonly unit: ReportingUnit;
  readonly provinceCode: string;
  readonly parent: ReportingUnit | null;
  readonly name: string;
}

/** Finds units in force on a date, within a scope: an invisible unit is null, like an unknown one. */
export interface UnitDirectory {
  resolve(unit: ReportingUnit, asOf: LocalDate, scope: ProvinceScope): Promise<ResolvedUnit | null>;
}

/** Team figures of a unit on a date, keyed by TEAMS_MEASURES; null when not computed for the unit. */
export interface TeamsFigures {
  measures(unit: FigureUnit, asOf: LocalDate, scope: ProvinceScope): Promise<ReadonlyMap<string, number> | null>;
}

/** The units that report to a unit (nation → provinces, province → communes, commune → its active teams), within a scope. */
export interface ReporterDirectory {
  reportersOf(unit: FigureUnit, asOf: LocalDate, scope: ProvinceScope): Promise<{ readonly level: ReportingUnit['level']; readonly codes: string[] } | null>;
}
