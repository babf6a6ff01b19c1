import type { Clock, DomainError, EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { localDateOf, parsePeriod, type Period } from '@cdtt/platform';
import { ReportingErrors } from '../domain/reporting.errors';
import type { LocalDate, ReportingUnit } from '../domain/reporting.model';
import { allocationWarnings, type AllocationWarning } from '../domain/target-allocation';
import { targetPlanDecider, type TargetPlanCommand } from '../domain/target-plan.decider';
import { targetPlanStreamName } from '../domain/target-plan.events';
import { execute, type Caller } from './command-execution';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { ResolvedUnit, UnitDirectory } from './reporting.ports';

export type TargetResult =
  | { readonly ok: true; readonly provinceCode: string; readonly version: number | null; readonly position: string | null; readonly warnings: AllocationWarning[] }
  | { readonly ok: false; readonly error: DomainError };

export interface TargetRequest {
  readonly periodCode: string;
  readonly unit: ReportingUnit;
  readonly indicatorCode: string;
  readonly value: number;
}

/** The day a unit is looked up for a period: today, kept inside the period (targets are often set ahead). */
export function asOfIn(period: Period, today: LocalDate): LocalDate {
  return today < period.from ? period.from : today > period.to ? period.to : today;
}

/** Targets: top-down assignment, revision while open, closing; allocation warnings in the result. */
export class TargetCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly catalogue: IndicatorCatalogue,
    private readonly units: UnitDirectory,
  ) {}

  assign(request: TargetRequest, caller: Caller): Promise<TargetResult> {
    return this.onUnit(request, caller, async (resolved, period, today) => ({
      type: 'AssignTarget', provinceCode: resolved.provinceCode, periodCode: period.code, unit: request.unit, parent: resolved.parent,
      indicatorCode: request.indicatorCode, indicator: await this.indicator(period, resolved, request.indicatorCode), value: request.value, today,
    }));
  }

  revise(request: TargetRequest & { readonly reason: string }, caller: Caller): Promise<TargetResult> {
    return this.onUnit(request, caller, async (resolved, period, today) => ({
      type: 'ReviseTarget', provinceCode: resolved.provinceCode, periodCode: period.code, unit: request.unit,
      indicatorCode: request.indicatorCode, indicator: await this.indicator(period, resolved, request.indicatorCode), value: request.value, reason: request.reason, today,
    }));
  }

  async close(provinceCode: string, periodCode: string, caller: Caller): Promise<TargetResult> {
    caller.scope.assertCanWrite();
    const period = parsePeriod(periodCode);
    if (!period) return { ok: false, error: ReportingErrors.periodInvalid() };
    const today = localDateOf(this.clock.now());
    if (!(await this.units.resolve({ level: 'PROVINCE', code: provinceCode }, asOfIn(period, today), caller.scope))) return { ok: false, error: ReportingErrors.provinceNotFound() };
    const command: TargetPlanCommand = { type: 'CloseTargetPeriod', provinceCode, periodCode, today };
    const result = await execute(this.store, this.ids, targetPlanDecider, targetPlanStreamName(provinceCode, periodCode), command, today, caller);
    return result.ok ? { ok: true, provinceCode, version: result.version, position: result.position, warnings: [] } : result;
  }

  private async indicator(period: Period, resolved: ResolvedUnit, code: string): Promise<{ aggregation: 'SUM' | 'END_OF_PERIOD' | 'RATIO' } | null> {
    return this.catalogue.find(Number(period.code.slice(0, 4)), resolved.provinceCode, code);
  }

  private async onUnit(
    request: TargetRequest,
    caller: Caller,
    commandOf: (resolved: ResolvedUnit, period: Period, today: LocalDate) => Promise<Extract<TargetPlanCommand, { type: 'AssignTarget' | 'ReviseTarget' }>>,
  ): Promise<TargetResult> {
    caller.scope.assertCanWrite();
    const period = parsePeriod(request.periodCode);
    if (!period) return { ok: false, error: ReportingErrors.periodInvalid() };
    const today = localDateOf(this.clock.now());
    const resolved = await this.units.resolve(request.unit, asOfIn(period, today), caller.scope);
    if (!resolved) return { ok: false, error: ReportingErrors.unitNotFound() };
    const command = await commandOf(resolved, period, today);
    const stream = targetPlanStreamName(resolved.provinceCode, period.code);
    const result = await execute(this.store, this.ids, targetPlanDecider, stream, command, today, caller);
    if (!result.ok) return result;
    const warnings = command.indicator ? allocationWarnings(result.state, request.unit, request.indicatorCode, command.indicator.aggregation) : [];
    return { ok: true, provinceCode: resolved.provinceCode, version: result.version, position: result.position, warnings };
  }
}
