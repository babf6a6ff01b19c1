import type { FieldworkFigures } from '@cdtt/fieldwork';
import type { Period, ProvinceScope } from '@cdtt/platform';
import type { Indicator } from '../catalogue/indicator';
import { parseSource } from '../catalogue/sources';
import type { ReportFigure } from '../domain/report.events';
import type { LocalDate } from '../domain/reporting.model';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { FigureSubject, TeamsFigures } from './reporting.ports';

/** Targets of a unit for a period, by indicator code. */
export interface UnitTargets {
  targetsOf(periodCode: string, level: string, unitCode: string): Promise<Array<{ indicator_code: string; value: number }>>;
}

type Measures = { readonly teams: ReadonlyMap<string, number> | null; readonly fieldwork: ReadonlyMap<string, number> | null };

function valueOf(source: string | null, measures: Measures, manual: ReadonlyMap<string, number>, code: string): number | null {
  if (source === null) return null;
  const parsed = parseSource(source);
  if (!parsed) return null;
  if (parsed.kind === 'MANUAL') return manual.get(code) ?? null;
  const from = parsed.kind === 'TEAMS' ? measures.teams : measures.fieldwork;
  return from?.get(parsed.measure) ?? null;
}

/** One indicator's figure from the unit's measures: a ratio from its rolled-up parts, never averaged. */
export function figureOf(indicator: Indicator, measures: Measures, manual: ReadonlyMap<string, number>, target: number | null): ReportFigure {
  const { code, nameVi, nameEn, unit, aggregation, source } = indicator;
  const numerator = valueOf(source, measures, manual, code);
  const ratio = aggregation === 'RATIO';
  const denominator = ratio ? valueOf(indicator.denominatorSource, measures, manual, code) : null;
  const value = !ratio ? numerator : numerator === null || !denominator ? null : numerator / denominator;
  return {
    indicatorCode: code, nameVi, nameEn, unit, aggregation, source, value,
    numerator: ratio ? numerator : null, denominator: ratio ? denominator : null, target,
  };
}

/**
 * Actual figures of a unit for a period, per indicator of its catalogue, with its targets: stocks
 * (teams) as of `asOf`, flows (field work) over the period. Without field-work figures (null, as
 * in unit tests), field-work indicators read as no figure rather than zero.
 */
export class IndicatorFigures {
  constructor(
    private readonly catalogue: IndicatorCatalogue,
    private readonly teams: TeamsFigures,
    private readonly fieldwork: FieldworkFigures | null,
    private readonly targets: UnitTargets,
  ) {}

  async compute(resolved: FigureSubject, period: Period, asOf: LocalDate, scope: ProvinceScope, manual: ReadonlyMap<string, number> = new Map()): Promise<ReportFigure[]> {
    const { unit, provinceCode } = resolved;
    const [indicators, teams, fieldwork, targets] = await Promise.all([
      this.catalogue.list(Number(period.code.slice(0, 4)), provinceCode),
      this.teams.measures(unit, asOf, scope),
      this.fieldwork ? this.fieldwork.measures(unit, period, scope) : Promise.resolve(null),
      this.targets.targetsOf(period.code, unit.level, unit.code),
    ]);
    const targetOf = new Map(targets.map((t) => [t.indicator_code, t.value]));
    return indicators.map((indicator) => figureOf(indicator, { teams, fieldwork }, manual, targetOf.get(indicator.code) ?? null));
  }
}
