import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, NodeInterface, toGlobalId } from '@cdtt/platform';
import type { ReportRow, ReportVersionRow } from '../read-models/reporting.rows';
import { IndicatorFigureType } from './indicator.type';
import { ReportingLevelEnum, ReportingLineEnum, ReportStatusEnum, ReportVersionKindEnum } from './reporting.enums';
import { apiUnitCode } from './unit-codes';

@ObjectType('ReportVersion', { description: 'One submitted or amended version: its figures are the snapshot taken then, never recomputed.' })
export class ReportVersionType {
  @Field(() => Int)
  version!: number;

  @Field(() => ReportVersionKindEnum)
  kind!: ReportVersionKindEnum;

  @Field({ description: 'The day it was submitted or amended.' })
  recordedOn!: string;

  @Field({ description: 'Submitted after the due date (amendments are never late).' })
  late!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was amended.' })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [IndicatorFigureType])
  figures!: IndicatorFigureType[];

  @Field(() => String, { nullable: true })
  returnedOn!: string | null;

  @Field(() => String, { nullable: true })
  returnedReason!: string | null;

  @Field(() => String, { nullable: true })
  acceptedOn!: string | null;

  static of(row: ReportVersionRow): ReportVersionType {
    return Object.assign(new ReportVersionType(), {
      version: row.version, kind: row.kind as ReportVersionKindEnum, recordedOn: row.recorded_on, late: row.late, reason: row.reason, note: row.note,
      figures: row.figures.map((f) => IndicatorFigureType.of(f)), returnedOn: row.returned_on, returnedReason: row.returned_reason, acceptedOn: row.accepted_on,
    });
  }
}

@ObjectType('Report', { implements: () => [NodeInterface], description: 'A report of one unit for one period and line; its versions keep every snapshot.' })
export class ReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportingLineEnum)
  line!: ReportingLineEnum;

  @Field()
  periodCode!: string;

  @Field(() => ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field()
  unitCode!: string;

  @Field()
  provinceCode!: string;

  @Field(() => ReportStatusEnum)
  status!: ReportStatusEnum;

  @Field(() => Int, { description: 'The latest version\'s number.' })
  currentVersion!: number;

  @Field(() => Int, { description: 'Stream revision: what expectedVersion compares with.' })
  version!: number;

  @Field()
  firstSubmittedOn!: string;

  @Field(() => String, { nullable: true })
  dueDate!: string | null;

  @Field({ description: 'The first submission came after the due date.' })
  late!: boolean;

  /** The local id, for the versions resolver. */
  localId!: string;

  static of(row: ReportRow): ReportType {
    return Object.assign(new ReportType(), {
      id: toGlobalId('Report', row.id), localId: row.id, line: row.line as ReportingLineEnum, periodCode: row.period_code, level: row.level as ReportingLevelEnum,
      unitCode: apiUnitCode(row.level, row.unit_code), provinceCode: row.province_code, status: row.status as ReportStatusEnum, currentVersion: row.version,
      version: row.stream_version, firstSubmittedOn: row.first_submitted_on, dueDate: row.due_date, late: row.late,
    });
  }
}

@ObjectType('ReportConnection')
export class ReportConnection extends Connection(ReportType, 'Report') {}

@ObjectType('ReportDraft', { description: 'What a report would hold if submitted now, computed from the read models; nothing is stored.' })
export class ReportDraftType {
  @Field(() => ID, { description: 'The global id the report has (or will have once submitted).' })
  reportId!: string;

  @Field(() => ReportingLineEnum)
  line!: ReportingLineEnum;

  @Field()
  periodCode!: string;

  @Field(() => ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field()
  unitCode!: string;

  @Field()
  unitName!: string;

  @Field()
  provinceCode!: string;

  @Field({ description: 'The day team figures are counted on.' })
  asOf!: string;

  @Field(() => String, { nullable: true, description: 'From REPORT_CALENDAR (Plan 557 dates built in); null when the period has no due date.' })
  dueDate!: string | null;

  @Field(() => [IndicatorFigureType])
  figures!: IndicatorFigureType[];
}

@ObjectType('ReportExport', { description: 'A report version as a file, base64-encoded.' })
export class ReportExportType {
  @Field()
  filename!: string;

  @Field()
  mimeType!: string;

  @Field({ description: 'The file, base64.' })
  contentBase64!: string;
}
