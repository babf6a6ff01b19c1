import type { Clock, DomainError, EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { localDateOf, parsePeriod, type Period, type ProvinceScope } from '@cdtt/platform';
import { reportDecider, type ReportCommand, type ReportState } from '../domain/report.decider';
import { reportIdOf, reportStreamName, type ReportFigure } from '../domain/report.events';
import { ReportingErrors } from '../domain/reporting.errors';
import type { LocalDate, ReportingLine, ReportingUnit } from '../domain/reporting.model';
import { execute, loadState, type Caller } from './command-execution';
import type { IndicatorFigures } from './indicator-figures';
import type { ReportCalendar } from './report-calendar';
import type { ResolvedUnit, UnitDirectory } from './reporting.ports';
import { asOfIn } from './target-commands.service';

export type ReportResult =
  | { readonly ok: true; readonly reportId: string; readonly version: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export interface ReportKey {
  readonly line: ReportingLine;
  readonly periodCode: string;
  readonly unit: ReportingUnit;
}

/** What a report would hold if submitted now: computed from the read models, never stored. */
export interface ReportDraft {
  readonly reportId: string;
  readonly key: ReportKey;
  readonly provinceCode: string;
  readonly unitName: string;
  readonly asOf: LocalDate;
  readonly dueDate: LocalDate | null;
  readonly figures: ReportFigure[];
}

/** Manual values must name MANUAL indicators of the catalogue, once each, with a finite value ≥ 0. */
function checkManual(figures: readonly ReportFigure[], manual: ReadonlyArray<{ indicatorCode: string; value: number }>): DomainError | null {
  const seen = new Set<string>();
  for (const { indicatorCode, value } of manual) {
    const figure = figures.find((f) => f.indicatorCode === indicatorCode);
    if (!figure) return ReportingErrors.indicatorNotFound(indicatorCode);
    if (figure.source !== 'MANUAL') return ReportingErrors.manualValueNotAllowed(indicatorCode);
    if (!Number.isFinite(value) || value < 0 || seen.has(indicatorCode)) return ReportingErrors.manualValueInvalid(indicatorCode);
    seen.add(indicatorCode);
  }
  return null;
}

/** Reports: drafts computed from the read models, submission of a snapshot, review, amendment. */
export class ReportCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly units: UnitDirectory,
    private readonly figures: IndicatorFigures,
    private readonly calendar: ReportCalendar,
  ) {}

  private today(): LocalDate {
    return localDateOf(this.clock.now());
  }

  /** The draft of a unit's report; a DomainError for a bad period or a unit the caller cannot see. */
  async draft(key: ReportKey, scope: ProvinceScope, manual: ReadonlyArray<{ indicatorCode: string; value: number }> = []): Promise<ReportDraft | DomainError> {
    const period = parsePeriod(key.periodCode);
    if (!period) return ReportingErrors.periodInvalid();
    const asOf = asOfIn(period, this.today());
    const resolved = await this.units.resolve(key.unit, asOf, scope);
    if (!resolved) return ReportingErrors.unitNotFound();
    return this.draftOf(key, period, resolved, asOf, scope, manual);
  }

  private async draftOf(key: ReportKey, period: Period, resolved: ResolvedUnit, asOf: LocalDate, scope: ProvinceScope, manual: ReadonlyArray<{ indicatorCode: string; value: number }>): Promise<ReportDraft | DomainError> {
    const computed = await this.figures.compute(resolved, period, asOf, scope);
    const invalid = checkManual(computed, manual);
    if (invalid) return invalid;
    const values = new Map(manual.map((m) => [m.indicatorCode, m.value]));
    const figures = computed.map((f) => (f.source === 'MANUAL' ? { ...f, value: values.get(f.indicatorCode) ?? null } : f));
    const reportId = reportIdOf(key.line, period.code, key.unit);
    return { reportId, key, provinceCode: resolved.provinceCode, unitName: resolved.name, asOf, dueDate: this.calendar.dueDate(key.line, period), figures };
  }

  async submit(key: ReportKey, manual: ReadonlyArray<{ indicatorCode: string; value: number }>, note: string | null, caller: Caller): Promise<ReportResult> {
    caller.scope.assertCanWrite();
    const draft = await this.draft(key, caller.scope, manual);
    if (!('reportId' in draft)) return { ok: false, error: draft };
    const period = parsePeriod(key.periodCode)!;
    const command: ReportCommand = {
      type: 'SubmitReport', reportId: draft.reportId, line: key.line, periodCode: period.code, periodFrom: period.from, unit: key.unit,
      provinceCode: draft.provinceCode, figures: draft.figures, note, dueDate: draft.dueDate, today: this.today(),
    };
    return this.run(draft.reportId, command, caller);
  }

  async review(reportId: string, decision: { readonly accept: true } | { readonly accept: false; readonly reason: string }, caller: Caller): Promise<ReportResult> {
    caller.scope.assertCanWrite();
    const state = await this.visible(reportId, caller.scope);
    if (!state?.subject) return { ok: false, error: ReportingErrors.reportNotFound() };
    // The level above reviews: a province's own report only by an admin (a portal does not approve itself).
    if (state.subject.unit.level === 'PROVINCE' && caller.scope.role !== 'ADMIN') return { ok: false, error: ReportingErrors.reviewNotAllowed() };
    const today = this.today();
    const command: ReportCommand = decision.accept ? { type: 'AcceptReport', reportId, today } : { type: 'ReturnReport', reportId, reason: decision.reason, today };
    return this.run(reportId, command, caller);
  }

  /** A new version with figures recomputed now and the given manual values; earlier versions stay as they were. */
  async amend(reportId: string, manual: ReadonlyArray<{ indicatorCode: string; value: number }>, note: string | null, reason: string, caller: Caller): Promise<ReportResult> {
    caller.scope.assertCanWrite();
    const state = await this.visible(reportId, caller.scope);
    if (!state?.subject) return { ok: false, error: ReportingErrors.reportNotFound() };
    const { line, periodCode, unit } = state.subject;
    const draft = await this.draft({ line, periodCode, unit }, caller.scope, manual);
    if (!('reportId' in draft)) return { ok: false, error: draft };
    return this.run(reportId, { type: 'AmendReport', reportId, figures: draft.figures, note, reason, today: this.today() }, caller);
  }

  /** The report's state when the caller may see it; another province's report reads as unknown. */
  private async visible(reportId: string, scope: ProvinceScope): Promise<ReportState | null> {
    if (!/^(STATE|YOUTH_UNION):[0-9A-Z-]+:(PROVINCE|COMMUNE|TEAM):[0-9a-f-]+$/.test(reportId)) return null;
    const state = await loadState(this.store, reportDecider, reportStreamName(reportId));
    return state.subject && scope.canSee(state.subject.provinceCode) ? state : null;
  }

  private async run(reportId: string, command: ReportCommand, caller: Caller): Promise<ReportResult> {
    const result = await execute(this.store, this.ids, reportDecider, reportStreamName(reportId), command, command.today, caller);
    return result.ok ? { ok: true, reportId, version: result.version, position: result.position } : result;
  }
}
