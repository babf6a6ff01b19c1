import { registerEnumType } from '@nestjs/graphql';

/** GraphQL mirrors of the domain's unions (the domain stays free of GraphQL). */
export enum ReportingLevelEnum {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
  TEAM = 'TEAM',
}

export enum ReportingLineEnum {
  STATE = 'STATE',
  YOUTH_UNION = 'YOUTH_UNION',
}

export enum AggregationEnum {
  SUM = 'SUM',
  END_OF_PERIOD = 'END_OF_PERIOD',
  RATIO = 'RATIO',
}

export enum ReportStatusEnum {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}

export enum ReportVersionKindEnum {
  SUBMITTED = 'SUBMITTED',
  AMENDED = 'AMENDED',
}

export enum ExportFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(ReportingLevelEnum, { name: 'ReportingLevel', description: 'A unit a target or report is for; a TEAM is named by its team id.' });
registerEnumType(ReportingLineEnum, { name: 'ReportingLine', description: 'STATE: commune → department → ministry; YOUTH_UNION: commune → provincial → central Youth Union.' });
registerEnumType(AggregationEnum, {
  name: 'Aggregation',
  description: 'SUM: a flow added over days and units; END_OF_PERIOD: a stock on the last day, added over units; RATIO: numerator ÷ denominator, each rolled up first.',
});
registerEnumType(ReportStatusEnum, { name: 'ReportStatus' });
registerEnumType(ReportVersionKindEnum, { name: 'ReportVersionKind' });
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });
