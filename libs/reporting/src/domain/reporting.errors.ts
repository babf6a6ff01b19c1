import { DomainError } from '@cdtt/event-sourcing';

/** Every rejection of the reporting deciders and services, by stable code (docs/errors.md). */
export const ReportingErrors = {
  indicatorCodeTaken: (code: string) => new DomainError('INDICATOR_CODE_TAKEN', `Indicator ${code} already exists in this year's catalogue.`, ['code']),
  indicatorCodeNotProvincial: (prefix: string) =>
    new DomainError('INDICATOR_CODE_PREFIX', `A province's own indicator codes start with ${prefix}; national codes never do.`, ['code']),
  indicatorSourceUnknown: () => new DomainError('INDICATOR_SOURCE_UNKNOWN', 'The source names no measure of field work or teams (nor MANUAL).', ['source']),
  indicatorDenominatorInvalid: () =>
    new DomainError('INDICATOR_DENOMINATOR_INVALID', 'A RATIO needs a denominatorSource (a measure, not MANUAL); other aggregations take none.', ['denominatorSource']),
  indicatorYearNotCovered: (first: number) => new DomainError('INDICATOR_YEAR_NOT_COVERED', `The catalogue starts in ${first}.`, ['year']),
  indicatorNotFound: (code: string) => new DomainError('INDICATOR_NOT_FOUND', `No indicator ${code} in this year's catalogue for this unit.`, ['indicatorCode']),
  provinceNotFound: () => new DomainError('PROVINCE_NOT_FOUND', 'No such province.', ['provinceCode']),
  unitNotFound: () => new DomainError('UNIT_NOT_FOUND', 'No such unit in force during the period.', ['unitCode']),
  periodInvalid: () => new DomainError('PERIOD_INVALID', 'Not a period code (2025, 2025-H1, 2025-Q3, 2025-07).', ['periodCode']),
  targetValueInvalid: () => new DomainError('TARGET_VALUE_INVALID', 'A target is a finite number ≥ 0 (a RATIO target lies between 0 and 1).', ['value']),
  targetPeriodClosed: (period: string) => new DomainError('TARGET_PERIOD_CLOSED', `Targets of ${period} are frozen: the period was closed.`, ['periodCode']),
  targetAlreadyAssigned: () => new DomainError('TARGET_ALREADY_ASSIGNED', 'This unit already has a target for the indicator and period; revise it.', ['indicatorCode']),
  targetNotFound: () => new DomainError('TARGET_NOT_FOUND', 'No target of this unit for the indicator and period.', ['indicatorCode']),
  targetParentMissing: (parent: string) =>
    new DomainError('TARGET_PARENT_MISSING', `Targets flow top-down: assign ${parent}'s target for this indicator first.`, ['unitCode']),
  reasonRequired: () => new DomainError('REASON_REQUIRED', 'A reason is required.', ['reason']),
  reportAlreadySubmitted: () => new DomainError('REPORT_ALREADY_SUBMITTED', 'This report was already submitted; amend it instead.', ['periodCode']),
  reportNotFound: () => new DomainError('REPORT_NOT_FOUND', 'No such report.', ['reportId']),
  reportNotSubmitted: (status: string) => new DomainError('REPORT_NOT_SUBMITTED', `The report is ${status}: only a submitted report can be returned or accepted.`, ['reportId']),
  reportReturned: () => new DomainError('REPORT_RETURNED', 'The report was returned: submit it again instead of amending it.', ['reportId']),
  reportPeriodNotStarted: (from: string) => new DomainError('REPORT_PERIOD_NOT_STARTED', `The period starts on ${from}; nothing to report yet.`, ['periodCode']),
  manualValueNotAllowed: (code: string) => new DomainError('MANUAL_VALUE_NOT_ALLOWED', `${code} is computed from the registry, not entered.`, ['manualValues']),
  manualValueInvalid: (code: string) => new DomainError('MANUAL_VALUE_INVALID', `The value of ${code} must be a finite number ≥ 0, given once.`, ['manualValues']),
  reviewNotAllowed: () => new DomainError('REVIEW_NOT_ALLOWED', "A unit's report is reviewed by the level above: a province's report by an admin.", ['reportId']),
} as const;
