import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_OUTCOMES, TASK_CATEGORIES } from '../measures';
import type { FieldworkFigureSet } from '../read-models/fieldwork-figures.service';
import { CategoryFiguresType } from './fieldwork.types';

@ObjectType('FieldworkMeasure', { description: 'One measure by its stable key (FIELDWORK_MEASURES), e.g. PEOPLE_GUIDED.E_COMMERCE.' })
export class FieldworkMeasureType {
  @Field()
  key!: string;

  @Field(() => Int)
  value!: number;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

@ObjectType('FieldworkFigures', {
  description:
    'Training, field-work and meeting figures of a unit over a period (from..to inclusive). Retracted activities count only in ' +
    'activitiesRetracted; corrected ones count with their latest figures.',
})
export class FieldworkFiguresType {
  @Field({ description: 'The period code: 2025, 2025-H1, 2025-Q3 or 2025-07.' })
  period!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int, { description: 'Completed sessions dated in the period held by the unit (for a team: attended by one of its members).' })
  trainingSessionsHeld!: number;

  @Field(() => Int, { description: 'Distinct persons who attended a completed session in the period while members of a team of the unit.' })
  membersTrained!: number;

  @Field(() => Int, { description: 'Distinct persons who were members of a team of the unit at some time in the period.' })
  members!: number;

  @Field(() => Float, { nullable: true, description: 'membersTrained / members; null without members.' })
  membersTrainedShare!: number | null;

  @Field(() => Int, { description: 'Activities of the period that count (not retracted).' })
  activitiesLogged!: number;

  @Field(() => Int, { description: 'Activities of the period corrected at least once (retracted or not).' })
  activitiesCorrected!: number;

  @Field(() => Int, { description: 'Activities of the period retracted: still listed, counted here only.' })
  activitiesRetracted!: number;

  @Field(() => Int, { description: 'Sum over categories (a person guided in two categories counts in both).' })
  peopleGuided!: number;

  @Field(() => Int)
  householdsGuided!: number;

  @Field(() => Int)
  visits!: number;

  @Field(() => Int)
  accountsCreated!: number;

  @Field(() => Int)
  publicServiceDossiersFiled!: number;

  @Field(() => Int)
  sellersOnboarded!: number;

  @Field(() => Int)
  epaymentAccountsOpened!: number;

  @Field(() => Int)
  meetingsHeld!: number;

  @Field(() => Int, { description: "Households guided in the unit's villages with a known household count, capped per village at that count." })
  householdsReached!: number;

  @Field(() => Int, { description: "Households of the unit's villages (existing in the period) that have a count; for a team, the villages it served." })
  households!: number;

  @Field(() => Float, { nullable: true, description: 'householdsReached / households; null when no village has a household count.' })
  householdsReachedShare!: number | null;

  @Field(() => [CategoryFiguresType], { description: 'Per task category, every category listed (zeros included).' })
  byCategory!: CategoryFiguresType[];

  @Field(() => [FieldworkMeasureType], { description: 'Every measure by key, as the reporting context reads them.' })
  measures!: FieldworkMeasureType[];

  static of(set: FieldworkFigureSet): FieldworkFiguresType {
    const m = (key: string): number => set.measures.get(key) ?? 0;
    const byCategory = TASK_CATEGORIES.map((category) =>
      CategoryFiguresType.of({
        category,
        peopleGuided: m(`PEOPLE_GUIDED.${category}`),
        householdsGuided: m(`HOUSEHOLDS_GUIDED.${category}`),
        visits: m(`VISITS.${category}`),
        outcomes: Object.fromEntries(ACTIVITY_OUTCOMES.map((o) => [o, m(`${o}.${category}`)])) as Record<(typeof ACTIVITY_OUTCOMES)[number], number>,
      }),
    );
    return Object.assign(new FieldworkFiguresType(), {
      period: set.period.code,
      from: set.period.from,
      to: set.period.to,
      trainingSessionsHeld: m('TRAINING_SESSIONS_HELD'),
      membersTrained: m('MEMBERS_TRAINED'),
      members: set.members,
      membersTrainedShare: ratio(m('MEMBERS_TRAINED'), set.members),
      activitiesLogged: m('ACTIVITIES_LOGGED'),
      activitiesCorrected: m('ACTIVITIES_CORRECTED'),
      activitiesRetracted: m('ACTIVITIES_RETRACTED'),
      peopleGuided: m('PEOPLE_GUIDED'),
      householdsGuided: m('HOUSEHOLDS_GUIDED'),
      visits: m('VISITS'),
      accountsCreated: m('ACCOUNTS_CREATED'),
      publicServiceDossiersFiled: m('PUBLIC_SERVICE_DOSSIERS_FILED'),
      sellersOnboarded: m('SELLERS_ONBOARDED'),
      epaymentAccountsOpened: m('EPAYMENT_ACCOUNTS_OPENED'),
      meetingsHeld: m('MEETINGS_HELD'),
      householdsReached: m('HOUSEHOLDS_REACHED'),
      households: set.households,
      householdsReachedShare: ratio(m('HOUSEHOLDS_REACHED'), set.households),
      byCategory,
      measures: [...set.measures].map(([key, value]) => Object.assign(new FieldworkMeasureType(), { key, value })),
    });
  }
}
