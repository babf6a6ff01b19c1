import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, NodeInterface, toGlobalId } from '@cdtt/platform';
import type { CategoryFigures } from '../domain/activity.events';
import type { ActivityRow } from '../read-models/fieldwork.rows';
import { ActivityStatusEnum, TaskCategoryEnum } from './fieldwork.enums';

@ObjectType('CategoryFigures', { description: 'Figures of one task category.' })
export class CategoryFiguresType {
  @Field(() => TaskCategoryEnum)
  category!: TaskCategoryEnum;

  @Field(() => Int)
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

  static of(f: CategoryFigures): CategoryFiguresType {
    const { category, peopleGuided, householdsGuided, visits, outcomes } = f;
    return Object.assign(new CategoryFiguresType(), {
      category,
      peopleGuided,
      householdsGuided,
      visits,
      accountsCreated: outcomes.ACCOUNTS_CREATED,
      publicServiceDossiersFiled: outcomes.PUBLIC_SERVICE_DOSSIERS_FILED,
      sellersOnboarded: outcomes.SELLERS_ONBOARDED,
      epaymentAccountsOpened: outcomes.EPAYMENT_ACCOUNTS_OPENED,
    });
  }
}

interface HistoryEntry {
  kind: string;
  revision: number;
  recordedAt: string;
  on: string;
  reason?: string | null;
  figures?: CategoryFigures[];
}

@ObjectType('ActivityRevision', { description: 'One event of an activity: logged, corrected or retracted. History is never edited.' })
export class ActivityRevisionType {
  @Field({ description: 'ActivityLogged, ActivityCorrected or ActivityRetracted.' })
  kind!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'When the registry learned it (ISO instant).' })
  recordedAt!: string;

  @Field({ description: 'The activity day (logged) or the day of the correction or retraction.' })
  on!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => [CategoryFiguresType], { nullable: true, description: 'The figures this event recorded; null for a retraction.' })
  figures!: CategoryFiguresType[] | null;
}

@ObjectType('Activity', { implements: () => [NodeInterface], description: 'A field activity of a team in a village on a day.' })
export class ActivityType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Global id of the team.' })
  teamId!: string;

  @Field()
  communeCode!: string;

  @Field(() => String, { nullable: true })
  provinceCode!: string | null;

  @Field(() => ID, { description: 'Global id of the village.' })
  villageId!: string;

  @Field()
  date!: string;

  @Field(() => [ID], { description: 'Global ids of the members who took part.' })
  participantIds!: string[];

  @Field(() => ActivityStatusEnum)
  status!: ActivityStatusEnum;

  @Field(() => Int, { description: 'How many times the figures were corrected.' })
  corrections!: number;

  @Field(() => String, { nullable: true })
  retractedOn!: string | null;

  @Field(() => String, { nullable: true })
  retractReason!: string | null;

  @Field(() => [CategoryFiguresType], { description: 'Current figures (after corrections). A retracted activity keeps them, uncounted.' })
  figures!: CategoryFiguresType[];

  @Field(() => [ActivityRevisionType], { description: 'Every event of the activity, oldest first.' })
  history!: ActivityRevisionType[];

  @Field(() => Int)
  version!: number;

  static of(row: ActivityRow): ActivityType {
    const history = (row.history as HistoryEntry[]).map((h) =>
      Object.assign(new ActivityRevisionType(), { ...h, reason: h.reason ?? null, figures: h.figures ? h.figures.map((f) => CategoryFiguresType.of(f)) : null }),
    );
    return Object.assign(new ActivityType(), {
      id: toGlobalId('Activity', row.id),
      teamId: toGlobalId('Team', row.team_id),
      communeCode: row.commune_code,
      provinceCode: row.province_code,
      villageId: toGlobalId('Village', row.village_id),
      date: row.held_on,
      participantIds: row.participant_ids.map((id) => toGlobalId('Person', id)),
      status: row.status as ActivityStatusEnum,
      corrections: row.corrections,
      retractedOn: row.retracted_on,
      retractReason: row.retract_reason,
      figures: (row.figures as CategoryFigures[]).map((f) => CategoryFiguresType.of(f)),
      history,
      version: row.version,
    });
  }
}

@ObjectType('ActivityConnection')
export class ActivityConnection extends Connection(ActivityType, 'Activity') {}
