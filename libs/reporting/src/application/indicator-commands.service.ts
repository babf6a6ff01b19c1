import { type Clock, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { codedError, localDateOf, parsePeriod } from '@cdtt/platform';
import { FIRST_CATALOGUE_YEAR } from '../catalogue/built-in-catalogue';
import { parseSource } from '../catalogue/sources';
import { catalogueStreamName, indicatorCatalogueDecider, type IndicatorDefinedData } from '../domain/indicator-definition';
import { ReportingErrors } from '../domain/reporting.errors';
import { execute, type Caller, type Executed } from './command-execution';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { UnitDirectory } from './reporting.ports';
import { asOfIn } from './target-commands.service';

export type DefineIndicatorRequest = IndicatorDefinedData;

/**
 * Adds an indicator to a year's catalogue: an admin's national one, or a province's own (its
 * portal or an admin). A province outside the caller's scope is PROVINCE_NOT_FOUND, as an unknown one.
 */
export class IndicatorCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly catalogue: IndicatorCatalogue,
    private readonly units: UnitDirectory,
  ) {}

  async define(request: DefineIndicatorRequest, caller: Caller): Promise<Executed<unknown>> {
    caller.scope.assertCanWrite();
    const today = localDateOf(this.clock.now());
    const { provinceCode, year } = request;
    // National indicators are for admins: a role restriction, said at the top level like forgetPerson.
    if (provinceCode === null && caller.scope.role !== 'ADMIN') throw codedError('FORBIDDEN', 'Only an admin defines national indicators.');
    if (year < FIRST_CATALOGUE_YEAR) return { ok: false, error: ReportingErrors.indicatorYearNotCovered(FIRST_CATALOGUE_YEAR) };
    if (provinceCode !== null) {
      // The province as it stands in that year (today when the year is this one).
      const asOf = asOfIn(parsePeriod(String(year))!, today);
      if (!(await this.units.resolve({ level: 'PROVINCE', code: provinceCode }, asOf, caller.scope))) return { ok: false, error: ReportingErrors.provinceNotFound() };
    }
    // A national code must not clash with any province's; a province's with the national ones (the prefix keeps provinces apart).
    const taken = new Set((await this.catalogue.list(year, provinceCode)).map((i) => i.code));
    const command = {
      type: 'DefineIndicator' as const,
      ...request,
      facts: {
        takenCodes: taken,
        sourceKnown: parseSource(request.source) !== null,
        denominatorKnown: request.denominatorSource !== null && parseSource(request.denominatorSource) !== null,
        firstYear: FIRST_CATALOGUE_YEAR,
      },
    };
    return execute(this.store, this.ids, indicatorCatalogueDecider, catalogueStreamName(year, provinceCode), command, today, { ...caller, expectedVersion: null });
  }
}
