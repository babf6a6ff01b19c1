import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@cdtt/platform';
import type { AllocationWarning } from '../domain/target-allocation';
import type { TargetRow } from '../read-models/reporting.rows';
import { ReportingLevelEnum } from './reporting.enums';

@ObjectType('Target', { description: 'A target (chỉ tiêu) of a unit for a period and indicator.' })
export class TargetType {
  @Field()
  provinceCode!: string;

  @Field()
  periodCode!: string;

  @Field(() => ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field({ description: 'Province or commune code, or the team\'s global id.' })
  unitCode!: string;

  @Field()
  indicatorCode!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => ReportingLevelEnum, { nullable: true, description: 'The level of the unit this target was carved from; null for a province.' })
  parentLevel!: ReportingLevelEnum | null;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field()
  assignedOn!: string;

  @Field(() => String, { nullable: true })
  revisedOn!: string | null;

  @Field(() => Int)
  revisions!: number;

  @Field({ description: 'True once the province closed the period: the target is frozen.' })
  closed!: boolean;

  static of(row: TargetRow, unitCode: string): TargetType {
    return Object.assign(new TargetType(), {
      provinceCode: row.province_code, periodCode: row.period_code, level: row.level as ReportingLevelEnum, unitCode, indicatorCode: row.indicator_code,
      value: row.value, parentLevel: row.parent_level as ReportingLevelEnum | null, parentCode: row.parent_code, assignedOn: row.assigned_on,
      revisedOn: row.revised_on, revisions: row.revisions, closed: row.closed,
    });
  }
}

@ObjectType('TargetConnection')
export class TargetConnection extends Connection(TargetType, 'Target') {}

@ObjectType('TargetWarning', { description: 'A remark that did not refuse the change: targets below a unit do not add up to its own.' })
export class TargetWarningType {
  @Field({ description: 'TARGET_OVER_ALLOCATED or TARGET_UNDER_ALLOCATED.' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => ReportingLevelEnum)
  level!: ReportingLevelEnum;

  @Field()
  unitCode!: string;

  @Field()
  indicatorCode!: string;

  @Field(() => Float)
  target!: number;

  @Field(() => Float, { description: 'What the targets directly below add up to.' })
  allocated!: number;

  static of(w: AllocationWarning, unitCode: string): TargetWarningType {
    const { code, message, indicatorCode, target, allocated } = w;
    return Object.assign(new TargetWarningType(), { code, message, level: w.unit.level as ReportingLevelEnum, unitCode, indicatorCode, target, allocated });
  }
}
