import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserErrorType } from '@cdtt/platform';
import { IndicatorType } from './indicator.type';
import { ReportType } from './report.type';
import { TargetType, TargetWarningType } from './target.type';

@ObjectType('DefineIndicatorPayload')
export class DefineIndicatorPayload {
  @Field(() => IndicatorType, { nullable: true })
  indicator!: IndicatorType | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType({ isAbstract: true })
export abstract class TargetPayload {
  @Field(() => TargetType, { nullable: true, description: 'The target after the change; null when refused.' })
  target!: TargetType | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the province\'s target plan for the period after the change.' })
  version!: number | null;

  @Field(() => [TargetWarningType], { description: 'Allocation remarks; they do not refuse the change.' })
  warnings!: TargetWarningType[];

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType('AssignTargetPayload')
export class AssignTargetPayload extends TargetPayload {}

@ObjectType('ReviseTargetPayload')
export class ReviseTargetPayload extends TargetPayload {}

@ObjectType('CloseTargetPeriodPayload')
export class CloseTargetPeriodPayload {
  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType({ isAbstract: true })
export abstract class ReportPayload {
  @Field(() => ReportType, { nullable: true, description: 'The report after the change; null when refused.' })
  report!: ReportType | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the report stream after the change.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType('SubmitReportPayload')
export class SubmitReportPayload extends ReportPayload {}

@ObjectType('ReturnReportPayload')
export class ReturnReportPayload extends ReportPayload {}

@ObjectType('AcceptReportPayload')
export class AcceptReportPayload extends ReportPayload {}

@ObjectType('AmendReportPayload')
export class AmendReportPayload extends ReportPayload {}
