import type { Period, ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import {
  CATEGORISED_MEASURES,
  FIELDWORK_MEASURES,
  FIELDWORK_REVISION_MEASURES,
  TASK_CATEGORIES,
  type FieldworkFigures,
  type MeasureUnit,
} from '../measures';
import { activityCountsSql, categorySql, householdsSql, meetingsSql, trainingSql } from './fieldwork-figures.sql';

/** Every figure of a unit over a period, with the bases its shares are over. */
export interface FieldworkFigureSet {
  readonly unit: MeasureUnit;
  readonly period: Period;
  /** FIELDWORK_MEASURES and FIELDWORK_REVISION_MEASURES, totals and `<MEASURE>.<CATEGORY>` keys, 0 when nothing. */
  readonly measures: ReadonlyMap<string, number>;
  /** Distinct persons with a membership of a team of the unit at any time in the period. */
  readonly members: number;
  /** Households of the unit's villages (existing in the period) that have a household count. */
  readonly households: number;
}

interface CategoryRow {
  category: string;
  people_guided: number;
  households_guided: number;
  visits: number;
  accounts_created: number;
  public_service_dossiers_filed: number;
  sellers_onboarded: number;
  epayment_accounts_opened: number;
}

const COLUMN_OF: Record<string, keyof CategoryRow> = {
  PEOPLE_GUIDED: 'people_guided',
  HOUSEHOLDS_GUIDED: 'households_guided',
  VISITS: 'visits',
  ACCOUNTS_CREATED: 'accounts_created',
  PUBLIC_SERVICE_DOSSIERS_FILED: 'public_service_dossiers_filed',
  SELLERS_ONBOARDED: 'sellers_onboarded',
  EPAYMENT_ACCOUNTS_OPENED: 'epayment_accounts_opened',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The field-work figures (FieldworkFigures, the contract reporting builds on), by SQL over the
 * `fieldwork_v1` tables. A unit is attributed by the codes recorded with each fact: an activity or
 * meeting by its team's commune and province, a session by the unit that held it, a member by the
 * teams they sat on that day. Unknown units and units outside the scope answer null alike; the
 * nation is hidden from portals unless `portalsSeeNational` (PORTALS_SEE_NATIONAL_STATISTICS).
 */
export class FieldworkFiguresService implements FieldworkFigures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { readonly portalsSeeNational: boolean } = { portalsSeeNational: false },
  ) {}

  async measures(unit: MeasureUnit, period: Period, scope: ProvinceScope): Promise<ReadonlyMap<string, number> | null> {
    return (await this.figures(unit, period, scope))?.measures ?? null;
  }

  async figures(unit: MeasureUnit, period: Period, scope: ProvinceScope): Promise<FieldworkFigureSet | null> {
    if (!(await this.visible(unit, scope))) return null;
    const params = [period.from, period.to, unit.code];
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query<T[]>(sql, params);
    const categories = await q<CategoryRow>(categorySql(unit.level));
    const [counts] = await q<{ logged: number; retracted: number; corrected: number }>(activityCountsSql(unit.level));
    const [meetings] = await q<{ n: number }>(meetingsSql(unit.level));
    const [training] = await q<{ sessions: number; trained: number; members: number }>(trainingSql(unit.level));
    const [households] = await q<{ households: number; reached: number }>(householdsSql(unit.level));

    const measures = new Map<string, number>([...FIELDWORK_MEASURES, ...FIELDWORK_REVISION_MEASURES].map((key) => [key, 0]));
    for (const measure of CATEGORISED_MEASURES) for (const category of TASK_CATEGORIES) measures.set(`${measure}.${category}`, 0);
    for (const row of categories) {
      for (const measure of CATEGORISED_MEASURES) {
        const value = Number(row[COLUMN_OF[measure] ?? 'people_guided']);
        measures.set(`${measure}.${row.category}`, value);
        measures.set(measure, (measures.get(measure) ?? 0) + value);
      }
    }
    measures.set('ACTIVITIES_LOGGED', counts?.logged ?? 0);
    measures.set('ACTIVITIES_RETRACTED', counts?.retracted ?? 0);
    measures.set('ACTIVITIES_CORRECTED', counts?.corrected ?? 0);
    measures.set('MEETINGS_HELD', meetings?.n ?? 0);
    measures.set('TRAINING_SESSIONS_HELD', training?.sessions ?? 0);
    measures.set('MEMBERS_TRAINED', training?.trained ?? 0);
    measures.set('HOUSEHOLDS_REACHED', households?.reached ?? 0);
    return { unit, period, measures, members: training?.members ?? 0, households: households?.households ?? 0 };
  }

  /** Whether the unit exists (in this context's copy of geography and teams) and is in scope. */
  private async visible(unit: MeasureUnit, scope: ProvinceScope): Promise<boolean> {
    switch (unit.level) {
      case 'NATIONAL':
        return unit.code === 'VN' && (!scope.restricted || this.options.portalsSeeNational);
      case 'PROVINCE':
      case 'COMMUNE': {
        const rows = await this.dataSource.query<Array<{ province_code: string }>>(
          'SELECT province_code FROM fw_admin_units_v1 WHERE level = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1',
          [unit.level, unit.code],
        );
        return rows.length > 0 && scope.canSee(rows[0]?.province_code);
      }
      case 'TEAM': {
        if (!UUID.test(unit.code)) return false;
        // Where the team is attached now (every successor's province while a split is undecided).
        const rows = await this.dataSource.query<Array<{ codes: string[] }>>('SELECT visible_province_codes AS codes FROM fw_teams_v1 WHERE id = $1::uuid', [unit.code]);
        return (rows[0]?.codes ?? []).some((code) => scope.canSee(code));
      }
    }
  }
}
