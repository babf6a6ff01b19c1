// Public surface of the reporting context (indicator catalogue, targets, reports).
// Import only via '@cdtt/reporting'.
export { builtInCatalogue, FIRST_CATALOGUE_YEAR } from './catalogue/built-in-catalogue';
export type { Indicator } from './catalogue/indicator';
export * from './domain/reporting.model';
export { ReportingErrors } from './domain/reporting.errors';
export { INDICATOR_EVENT_TYPES, type IndicatorDefinedData } from './domain/indicator-definition';
export * from './domain/target-plan.events';
export * from './domain/report.events';
export { reportDecider } from './domain/report.decider';
export { targetPlanDecider } from './domain/target-plan.decider';
export { ReportCalendar, reportCalendarFrom, BUILT_IN_CALENDAR } from './application/report-calendar';
export { REPORTING_PROJECTION, REPORTING_PROJECTIONS, reportingProjection } from './read-models/reporting.projection';
export { ReportingModule } from './reporting.module';
export { REPORTING_RESOLVERS } from './graphql/reporting.resolvers';
export { REPORTING_AUDIT_EVENTS } from './graphql/reporting-audit-events';
