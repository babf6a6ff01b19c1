import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { Indicator } from '../catalogue/indicator';
import type { ReportFigure } from '../domain/report.events';
import { AggregationEnum } from './reporting.enums';

@ObjectType('Indicator', { description: 'An indicator of a year\'s catalogue: built in, added nationally by an admin, or a province\'s own.' })
export class IndicatorType {
  @Field(() => Int)
  year!: number;

  @Field()
  code!: string;

  @Field(() => String, { nullable: true, description: 'The province that defined it; null for a national indicator.' })
  provinceCode!: string | null;

  @Field({ description: 'Name in Vietnamese.' })
  nameVi!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Unit of measure (người, tổ, %, …).' })
  unit!: string;

  @Field(() => AggregationEnum)
  aggregation!: AggregationEnum;

  @Field({ description: 'TEAMS:<measure>, FIELDWORK:<measure key> or MANUAL (entered in the report).' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'For a RATIO: the denominator\'s source.' })
  denominatorSource!: string | null;

  @Field()
  builtIn!: boolean;

  static of(indicator: Indicator): IndicatorType {
    return Object.assign(new IndicatorType(), { ...indicator, aggregation: indicator.aggregation as AggregationEnum });
  }
}

@ObjectType('IndicatorFigure', { description: 'One indicator\'s actual figure for a unit and period, beside its target.' })
export class IndicatorFigureType {
  @Field()
  indicatorCode!: string;

  @Field()
  nameVi!: string;

  @Field()
  nameEn!: string;

  @Field()
  unit!: string;

  @Field(() => AggregationEnum)
  aggregation!: AggregationEnum;

  @Field()
  source!: string;

  @Field(() => Float, { nullable: true, description: 'Null when there is no figure (a MANUAL one left blank, a measure not computed for this unit).' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a RATIO: its rolled-up numerator.' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a RATIO: its rolled-up denominator.' })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'The unit\'s target for the period; null when none was assigned.' })
  target!: number | null;

  static of(figure: ReportFigure): IndicatorFigureType {
    return Object.assign(new IndicatorFigureType(), { ...figure, aggregation: figure.aggregation as AggregationEnum });
  }
}
