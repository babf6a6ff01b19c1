import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ReportingSummary } from '../application/reporting-summary';
import { ReportingLineEnum } from './reporting.enums';
import { apiUnitCode } from './unit-codes';

@ObjectType('ReportingSummary', {
  description: 'Reports due to a unit for a period on one line, from the units that report to it: provinces to the nation, communes to a province, active teams to a commune.',
})
export class ReportingSummaryType {
  @Field(() => ReportingLineEnum)
  line!: ReportingLineEnum;

  @Field()
  periodCode!: string;

  @Field(() => String, { nullable: true })
  dueDate!: string | null;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int, { description: 'First submitted after the due date (flagged).' })
  late!: number;

  @Field(() => Int, { description: 'Not submitted, and the due date has passed (flagged).' })
  missing!: number;

  @Field(() => Int)
  notYetDue!: number;

  @Field(() => [String], { description: 'The units counted in `missing`, by code (a team by its global id).' })
  missingUnitCodes!: string[];

  static of(s: ReportingSummary): ReportingSummaryType {
    const { missingUnits, ...counts } = s;
    return Object.assign(new ReportingSummaryType(), {
      ...counts,
      line: s.line as ReportingLineEnum,
      missingUnitCodes: missingUnits.codes.map((code) => apiUnitCode(missingUnits.level, code)),
    });
  }
}
