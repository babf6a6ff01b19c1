import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { codedError, connectionOf, CurrentActor, decodeCursor, ProvinceScope, toGlobalId, type RequestActor } from '@cdtt/platform';
import { IndicatorCatalogue } from '../application/indicator-catalogue';
import { ReportCommandService } from '../application/report-commands.service';
import type { ReportingLevel, ReportingLine } from '../domain/reporting.model';
import { ReportingReadService } from '../read-models/reporting-read.service';
import { reportCsv, reportXlsx } from '../export/report-export';
import { IndicatorFigureType, IndicatorType } from './indicator.type';
import { ReportConnection, ReportDraftType, ReportExportType, ReportType } from './report.type';
import { ExportFormatEnum } from './reporting.enums';
import { IndicatorsArgs, ReportDraftArgs, ReportExportArgs, ReportsArgs, TargetsArgs } from './reporting.args';
import { TargetConnection, TargetType } from './target.type';
import { apiUnitCode, reportIdOf, storedUnitCode } from './unit-codes';

function badCursor(): never {
  throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
}

@Resolver()
export class ReportingQueriesResolver {
  constructor(
    @Inject(IndicatorCatalogue) private readonly catalogue: IndicatorCatalogue,
    @Inject(ReportingReadService) private readonly reads: ReportingReadService,
    @Inject(ReportCommandService) private readonly reportCommands: ReportCommandService,
  ) {}

  @Query(() => [IndicatorType], { description: "A year's catalogue: national indicators, plus the province's own when provinceCode is given (and visible)." })
  async indicators(@Args() args: IndicatorsArgs, @CurrentActor() actor: RequestActor): Promise<IndicatorType[]> {
    // Another province's own indicators read as absent: the national catalogue only.
    const province = args.provinceCode && ProvinceScope.of(actor).canSee(args.provinceCode) ? args.provinceCode : null;
    return (await this.catalogue.list(args.year, province)).map((i) => IndicatorType.of(i));
  }

  @Query(() => TargetConnection, { description: 'Targets of a period, in the caller\'s provinces, by level, unit and indicator.' })
  async targets(@Args() args: TargetsArgs, @CurrentActor() actor: RequestActor): Promise<TargetConnection> {
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && (!after || after.length !== 3 || !after.every((v) => typeof v === 'string'))) badCursor();
    const f = args.filter;
    const filter = { ...f, unitCode: f.unitCode && f.level ? storedUnitCode(f.level, f.unitCode) : f.unitCode };
    const page = await this.reads.listTargets(filter, ProvinceScope.of(actor), args.first + 1, after as [string, string, string] | null);
    return connectionOf(page.rows, args.first, page.totalCount, (row) => TargetType.of(row, apiUnitCode(row.level, row.unit_code)), (row) => [row.level, row.unit_code, row.indicator_code], after !== null);
  }

  @Query(() => ReportConnection, { description: 'Submitted reports in the caller\'s provinces, by id.' })
  async reports(@Args() args: ReportsArgs, @CurrentActor() actor: RequestActor): Promise<ReportConnection> {
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && (!after || typeof after[0] !== 'string')) badCursor();
    const f = args.filter ?? {};
    const filter = { ...f, unitCode: f.unitCode && f.level ? storedUnitCode(f.level, f.unitCode) : f.unitCode };
    const page = await this.reads.listReports(filter, ProvinceScope.of(actor), args.first + 1, (after?.[0] as string | undefined) ?? null);
    return connectionOf(page.rows, args.first, page.totalCount, (row) => ReportType.of(row), (row) => [row.id], after !== null);
  }

  @Query(() => ReportType, { nullable: true, description: 'A report by global id; null when unknown or outside the caller\'s provinces.' })
  async report(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: RequestActor): Promise<ReportType | null> {
    const local = reportIdOf(id);
    const row = local ? await this.reads.findReport(local, ProvinceScope.of(actor)) : null;
    return row ? ReportType.of(row) : null;
  }

  @Query(() => ReportDraftType, { nullable: true, description: 'The report a unit would submit now, computed from the read models. Null for a unit unknown or outside the caller\'s provinces.' })
  async reportDraft(@Args() args: ReportDraftArgs, @CurrentActor() actor: RequestActor): Promise<ReportDraftType | null> {
    const key = { line: args.line as ReportingLine, periodCode: args.periodCode, unit: { level: args.level as ReportingLevel, code: storedUnitCode(args.level, args.unitCode) } };
    const draft = await this.reportCommands.draft(key, ProvinceScope.of(actor));
    if (!('reportId' in draft)) {
      if (draft.code === 'PERIOD_INVALID') throw codedError('BAD_USER_INPUT', draft.message);
      return null;
    }
    return Object.assign(new ReportDraftType(), {
      reportId: toGlobalId('Report', draft.reportId), line: args.line, periodCode: args.periodCode, level: args.level, unitCode: apiUnitCode(args.level, key.unit.code),
      unitName: draft.unitName, provinceCode: draft.provinceCode, asOf: draft.asOf, dueDate: draft.dueDate, figures: draft.figures.map((f) => IndicatorFigureType.of(f)),
    });
  }

  @Query(() => ReportExportType, { nullable: true, description: 'A report version as CSV or XLSX (base64); null when unknown or outside the caller\'s provinces.' })
  async reportExport(@Args() args: ReportExportArgs, @CurrentActor() actor: RequestActor): Promise<ReportExportType | null> {
    const local = reportIdOf(args.id);
    const row = local ? await this.reads.findReport(local, ProvinceScope.of(actor)) : null;
    if (!row) return null;
    const versions = await this.reads.versions(row.id);
    const chosen = versions.find((v) => v.version === (args.version ?? row.version));
    if (!chosen) return null;
    const exportable = {
      reportId: row.id, line: row.line, periodCode: row.period_code, level: row.level, unitCode: row.unit_code, provinceCode: row.province_code,
      version: chosen.version, kind: chosen.kind, recordedOn: chosen.recorded_on, dueDate: row.due_date, late: chosen.late,
      status: chosen.version === row.version ? row.status : 'SUPERSEDED', figures: chosen.figures,
    };
    const file = args.format === ExportFormatEnum.CSV ? reportCsv(exportable) : await reportXlsx(exportable);
    return Object.assign(new ReportExportType(), { filename: file.filename, mimeType: file.mimeType, contentBase64: file.content.toString('base64') });
  }
}
