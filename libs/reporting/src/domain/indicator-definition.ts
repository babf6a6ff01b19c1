import type { DomainError } from '@cdtt/event-sourcing';
import type { Aggregation } from './reporting.model';
import { ReportingErrors } from './reporting.errors';

/** Stream `indicators-<year>-<VN | province code>`: the indicators one catalogue owner added for a year. */
export const catalogueStreamName = (year: number, provinceCode: string | null): string => `indicators-${year}-${provinceCode ?? 'VN'}`;

export interface IndicatorDefinedData {
  readonly year: number;
  readonly provinceCode: string | null;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly aggregation: Aggregation;
  readonly source: string;
  readonly denominatorSource: string | null;
}
export type IndicatorEvent = { readonly type: 'IndicatorDefined'; readonly data: IndicatorDefinedData };
export const INDICATOR_EVENT_TYPES = ['IndicatorDefined'] as const;

/** Facts the service looks up: codes already in the year's catalogue for this owner, and whether sources name measures. */
export interface DefineIndicator extends IndicatorDefinedData {
  readonly type: 'DefineIndicator';
  readonly facts: { readonly takenCodes: ReadonlySet<string>; readonly sourceKnown: boolean; readonly denominatorKnown: boolean; readonly firstYear: number };
}

export interface CatalogueState {
  readonly codes: ReadonlySet<string>;
}

/** Provinces name their own indicators `P<province>_…`, so they never collide with a national one defined later. */
export const provincialPrefix = (provinceCode: string): string => `P${provinceCode}_`;

function check(command: DefineIndicator, state: CatalogueState): DomainError | null {
  const { code, provinceCode, aggregation, source, denominatorSource, facts } = command;
  if (command.year < facts.firstYear) return ReportingErrors.indicatorYearNotCovered(facts.firstYear);
  const provincial = /^P\d{2}_/.test(code);
  if (provinceCode === null ? provincial : !code.startsWith(provincialPrefix(provinceCode))) {
    return ReportingErrors.indicatorCodeNotProvincial(provincialPrefix(provinceCode ?? '<province>'));
  }
  if (state.codes.has(code) || facts.takenCodes.has(code)) return ReportingErrors.indicatorCodeTaken(code);
  if (!facts.sourceKnown) return ReportingErrors.indicatorSourceUnknown();
  const ratio = aggregation === 'RATIO';
  if (ratio !== (denominatorSource !== null) || (ratio && (!facts.denominatorKnown || source === 'MANUAL' || denominatorSource === 'MANUAL'))) {
    return ReportingErrors.indicatorDenominatorInvalid();
  }
  return null;
}

/** A catalogue owner's additions for one year. Pure: what is already taken arrives in the command. */
export const indicatorCatalogueDecider = {
  initialState: { codes: new Set<string>() } as CatalogueState,
  evolve(state: CatalogueState, event: IndicatorEvent): CatalogueState {
    return { codes: new Set([...state.codes, event.data.code]) };
  },
  decide(command: DefineIndicator, state: CatalogueState): readonly IndicatorEvent[] | DomainError {
    const rejected = check(command, state);
    if (rejected) return rejected;
    const { type: _type, facts: _facts, ...data } = command;
    return [{ type: 'IndicatorDefined', data }];
  },
};
