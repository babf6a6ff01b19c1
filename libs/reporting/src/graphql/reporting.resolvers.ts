import { ReportFieldsResolver } from './report-fields.resolver';
import { ReportMutationsResolver } from './report-mutations.resolver';
import { ReportingMutationsResolver } from './reporting-mutations.resolver';
import { ReportingQueriesResolver } from './reporting-queries.resolver';
import { UnitStatisticsReportingResolver } from './unit-statistics-reporting.resolver';

/** Every resolver of the reporting context, for ReportingModule and the schema printer. */
export const REPORTING_RESOLVERS = [
  ReportingMutationsResolver,
  ReportMutationsResolver,
  ReportingQueriesResolver,
  ReportFieldsResolver,
  UnitStatisticsReportingResolver,
] as const;
