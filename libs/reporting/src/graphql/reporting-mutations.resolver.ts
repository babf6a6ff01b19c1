import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { IndicatorCatalogue } from '../application/indicator-catalogue';
import { IndicatorCommandService } from '../application/indicator-commands.service';
import { TargetCommandService, type TargetResult } from '../application/target-commands.service';
import type { ReportingLevel } from '../domain/reporting.model';
import { ReportingReadService } from '../read-models/reporting-read.service';
import { IndicatorType } from './indicator.type';
import { AssignTargetInput, CloseTargetPeriodInput, DefineIndicatorInput, ReviseTargetInput } from './reporting.inputs';
import { AssignTargetPayload, CloseTargetPeriodPayload, DefineIndicatorPayload, ReviseTargetPayload, type TargetPayload } from './reporting.payloads';
import { inputErrors, ReportingMutationSupport } from './reporting-mutation.support';
import { TargetType, TargetWarningType } from './target.type';
import { apiUnitCode, storedUnitCode } from './unit-codes';

/** Catalogue and target mutations. */
@Resolver()
export class ReportingMutationsResolver {
  constructor(
    @Inject(IndicatorCommandService) private readonly indicators: IndicatorCommandService,
    @Inject(IndicatorCatalogue) private readonly catalogue: IndicatorCatalogue,
    @Inject(TargetCommandService) private readonly targets: TargetCommandService,
    @Inject(ReportingReadService) private readonly reads: ReportingReadService,
    @Inject(ReportingMutationSupport) private readonly support: ReportingMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => DefineIndicatorPayload, { description: "Adds an indicator to a year's catalogue: national (admins) or a province's own." })
  defineIndicator(@Args('input') input: DefineIndicatorInput, @CurrentActor() actor: RequestActor): Promise<DefineIndicatorPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'defineIndicator', input, actor }, async () => {
      const { year, code, nameVi, nameEn, unit, aggregation, source } = input;
      const provinceCode = input.provinceCode ?? null;
      const request = { year, provinceCode, code, nameVi, nameEn, unit, aggregation, source, denominatorSource: input.denominatorSource ?? null };
      const result = await this.indicators.define(request, this.support.caller(actor));
      if (!result.ok) return Object.assign(new DefineIndicatorPayload(), { indicator: null, userErrors: inputErrors(result.error) });
      await this.support.caughtUp(result.position);
      const indicator = await this.catalogue.find(year, provinceCode, code);
      return Object.assign(new DefineIndicatorPayload(), { indicator: indicator ? IndicatorType.of(indicator) : null, userErrors: [] });
    });
  }

  @Mutation(() => AssignTargetPayload, { description: 'Assigns a target top-down (province → commune → team); allocation mismatches come back as warnings.' })
  assignTarget(@Args('input') input: AssignTargetInput, @CurrentActor() actor: RequestActor): Promise<AssignTargetPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'assignTarget', input, actor }, async () => {
      const unit = { level: input.level as ReportingLevel, code: storedUnitCode(input.level, input.unitCode) };
      const request = { periodCode: input.periodCode, unit, indicatorCode: input.indicatorCode, value: input.value };
      return this.targetPayload(AssignTargetPayload, input, await this.targets.assign(request, this.support.caller(actor)));
    });
  }

  @Mutation(() => ReviseTargetPayload, { description: 'Revises a target while its period is open (TARGET_PERIOD_CLOSED after).' })
  reviseTarget(@Args('input') input: ReviseTargetInput, @CurrentActor() actor: RequestActor): Promise<ReviseTargetPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'reviseTarget', input, actor }, async () => {
      const unit = { level: input.level as ReportingLevel, code: storedUnitCode(input.level, input.unitCode) };
      const request = { periodCode: input.periodCode, unit, indicatorCode: input.indicatorCode, value: input.value, reason: input.reason };
      return this.targetPayload(ReviseTargetPayload, input, await this.targets.revise(request, this.support.caller(actor, input.expectedVersion)));
    });
  }

  @Mutation(() => CloseTargetPeriodPayload, { description: "Closes a province's targets for a period: they are frozen from then on." })
  closeTargetPeriod(@Args('input') input: CloseTargetPeriodInput, @CurrentActor() actor: RequestActor): Promise<CloseTargetPeriodPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'closeTargetPeriod', input, actor }, async () => {
      const result = await this.targets.close(input.provinceCode, input.periodCode, this.support.caller(actor));
      if (!result.ok) return Object.assign(new CloseTargetPeriodPayload(), { version: null, userErrors: inputErrors(result.error) });
      await this.support.caughtUp(result.position);
      return Object.assign(new CloseTargetPeriodPayload(), { version: result.version, userErrors: [] });
    });
  }

  private async targetPayload<P extends TargetPayload>(type: new () => P, input: AssignTargetInput, result: TargetResult): Promise<P> {
    if (!result.ok) return Object.assign(new type(), { target: null, version: null, warnings: [], userErrors: inputErrors(result.error) });
    await this.support.caughtUp(result.position);
    const unitCode = storedUnitCode(input.level, input.unitCode);
    const filter = { periodCode: input.periodCode, provinceCode: result.provinceCode, level: input.level, unitCode, indicatorCode: input.indicatorCode };
    const row = (await this.reads.listTargets(filter, ProvinceScope.UNRESTRICTED, 1, null)).rows[0];
    return Object.assign(new type(), {
      target: row ? TargetType.of(row, apiUnitCode(row.level, row.unit_code)) : null,
      version: result.version,
      warnings: result.warnings.map((w) => TargetWarningType.of(w, apiUnitCode(w.unit.level, w.unit.code))),
      userErrors: [],
    });
  }
}
