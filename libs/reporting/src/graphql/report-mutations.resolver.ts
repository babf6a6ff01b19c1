import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { ReportCommandService, type ReportResult } from '../application/report-commands.service';
import { ReportingErrors } from '../domain/reporting.errors';
import type { ReportingLevel, ReportingLine } from '../domain/reporting.model';
import { ReportingReadService } from '../read-models/reporting-read.service';
import { ReportType } from './report.type';
import { AcceptReportInput, AmendReportInput, ReturnReportInput, SubmitReportInput } from './reporting.inputs';
import { AcceptReportPayload, AmendReportPayload, ReturnReportPayload, SubmitReportPayload, type ReportPayload } from './reporting.payloads';
import { inputErrors, ReportingMutationSupport } from './reporting-mutation.support';
import { reportIdOf, storedUnitCode } from './unit-codes';

/** Report life cycle: submit a snapshot, return or accept it, amend it as a new version. */
@Resolver()
export class ReportMutationsResolver {
  constructor(
    @Inject(ReportCommandService) private readonly reports: ReportCommandService,
    @Inject(ReportingReadService) private readonly reads: ReportingReadService,
    @Inject(ReportingMutationSupport) private readonly support: ReportingMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => SubmitReportPayload, { description: 'Submits the report of a unit for a period and line: its figures are frozen in the event.' })
  submitReport(@Args('input') input: SubmitReportInput, @CurrentActor() actor: RequestActor): Promise<SubmitReportPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'submitReport', input, actor }, async () => {
      const key = { line: input.line as ReportingLine, periodCode: input.periodCode, unit: { level: input.level as ReportingLevel, code: storedUnitCode(input.level, input.unitCode) } };
      const result = await this.reports.submit(key, input.manualValues, input.note ?? null, this.support.caller(actor));
      return this.payload(SubmitReportPayload, result);
    });
  }

  @Mutation(() => ReturnReportPayload, { description: 'Returns a submitted report to its unit with a reason; the unit submits again (a new version).' })
  returnReport(@Args('input') input: ReturnReportInput, @CurrentActor() actor: RequestActor): Promise<ReturnReportPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'returnReport', input, actor }, async () =>
      this.payload(ReturnReportPayload, await this.onReport(input.reportId, (id) => this.reports.review(id, { accept: false, reason: input.reason }, this.support.caller(actor, input.expectedVersion)))),
    );
  }

  @Mutation(() => AcceptReportPayload, { description: 'Accepts the submitted version of a report.' })
  acceptReport(@Args('input') input: AcceptReportInput, @CurrentActor() actor: RequestActor): Promise<AcceptReportPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'acceptReport', input, actor }, async () =>
      this.payload(AcceptReportPayload, await this.onReport(input.reportId, (id) => this.reports.review(id, { accept: true }, this.support.caller(actor, input.expectedVersion)))),
    );
  }

  @Mutation(() => AmendReportPayload, { description: 'Amends a submitted or accepted report: a new version with figures recomputed now; the old one is kept.' })
  amendReport(@Args('input') input: AmendReportInput, @CurrentActor() actor: RequestActor): Promise<AmendReportPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'amendReport', input, actor }, async () =>
      this.payload(AmendReportPayload, await this.onReport(input.reportId, (id) => this.reports.amend(id, input.manualValues, input.note ?? null, input.reason, this.support.caller(actor, input.expectedVersion)))),
    );
  }

  private onReport(globalId: string, work: (reportId: string) => Promise<ReportResult>): Promise<ReportResult> {
    const reportId = reportIdOf(globalId);
    return reportId ? work(reportId) : Promise.resolve({ ok: false, error: ReportingErrors.reportNotFound() });
  }

  private async payload<P extends ReportPayload>(type: new () => P, result: ReportResult): Promise<P> {
    if (!result.ok) return Object.assign(new type(), { report: null, version: null, userErrors: inputErrors(result.error) });
    await this.support.caughtUp(result.position);
    const row = await this.reads.findReport(result.reportId, ProvinceScope.UNRESTRICTED);
    return Object.assign(new type(), { report: row ? ReportType.of(row) : null, version: result.version, userErrors: [] });
  }
}
