import type { ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { ACTIVITY_COLUMNS, MEETING_COLUMNS, TRAINING_COLUMNS, type ActivityRow, type FieldworkFilter, type MeetingRow, type Page, type TrainingRow } from './fieldwork.rows';

/** `after` of a newest-first list: the last row's [held_on, id]. */
export type After = readonly [string, string] | null;

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(sql: (p: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/**
 * Reads of sessions, activities and meetings: SQL over this lib's tables, scoped in the SQL by
 * province. A NATIONAL session belongs to no province and is visible to every caller; everything
 * else outside a portal's provinces reads as absent. Lists are newest first ((held_on, id) desc).
 */
export class FieldworkReadService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * An activity or meeting is visible in the province it was logged in (its `province_code`, kept
   * for history and statistics) and to the provinces its team is attached to now, so a re-attached
   * team's new province sees its past work too (ADR 0012, amendment). `p` is `scope.sqlParam`.
   */
  private rowScope(p: string): string {
    return `(${p}::text[] IS NULL OR a.province_code = ANY(${p}::text[])
      OR EXISTS (SELECT 1 FROM fw_teams_v1 ft WHERE ft.id = a.team_id AND ft.visible_province_codes && ${p}::text[]))`;
  }

  private trainingScope(scope: ProvinceScope, p: string): string {
    return `(t.province_code IS NULL AND t.level = 'NATIONAL' OR ${scope.sqlFilter('t.province_code', p)})`;
  }

  async findTraining(id: string, scope: ProvinceScope): Promise<TrainingRow | null> {
    const rows = await this.dataSource.query<TrainingRow[]>(`SELECT ${TRAINING_COLUMNS} FROM fw_trainings_v1 t WHERE t.id = $1::uuid AND ${this.trainingScope(scope, '$2')}`, [id, scope.sqlParam]);
    return rows[0] ?? null;
  }

  async attendees(trainingId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ person_id: string }>>(
      'SELECT person_id FROM fw_training_attendance_v1 WHERE training_id = $1::uuid ORDER BY recorded_on, person_id',
      [trainingId],
    );
    return rows.map((row) => row.person_id);
  }

  listTrainings(filter: FieldworkFilter & { personId?: string | null }, limit: number, after: After, scope: ProvinceScope): Promise<Page<TrainingRow>> {
    const where = new Where().add((p) => this.trainingScope(scope, p), scope.sqlParam);
    if (filter.personId) where.add((p) => `EXISTS (SELECT 1 FROM fw_training_attendance_v1 x WHERE x.training_id = t.id AND x.person_id = ${p}::uuid)`, filter.personId);
    return this.page<TrainingRow>('fw_trainings_v1 t', 't', TRAINING_COLUMNS, this.filtered(where, 't', filter), limit, after);
  }

  async findActivity(id: string, scope: ProvinceScope): Promise<ActivityRow | null> {
    const rows = await this.dataSource.query<ActivityRow[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM fw_activities_v1 a WHERE a.id = $1::uuid AND ${this.rowScope('$2')}`,
      [id, scope.sqlParam],
    );
    return rows[0] ?? null;
  }

  listActivities(filter: FieldworkFilter & { retracted?: boolean | null }, limit: number, after: After, scope: ProvinceScope): Promise<Page<ActivityRow>> {
    const where = new Where().add((p) => this.rowScope(p), scope.sqlParam);
    if (typeof filter.retracted === 'boolean') where.add((p) => `(a.status = 'RETRACTED') = ${p}`, filter.retracted);
    return this.page<ActivityRow>('fw_activities_v1 a', 'a', ACTIVITY_COLUMNS, this.filtered(where, 'a', filter), limit, after);
  }

  async findMeeting(id: string, scope: ProvinceScope): Promise<MeetingRow | null> {
    const rows = await this.dataSource.query<MeetingRow[]>(
      `SELECT ${MEETING_COLUMNS} FROM fw_meetings_v1 a WHERE a.id = $1::uuid AND ${this.rowScope('$2')}`,
      [id, scope.sqlParam],
    );
    return rows[0] ?? null;
  }

  listMeetings(filter: FieldworkFilter, limit: number, after: After, scope: ProvinceScope): Promise<Page<MeetingRow>> {
    const where = new Where().add((p) => this.rowScope(p), scope.sqlParam);
    return this.page<MeetingRow>('fw_meetings_v1 a', 'a', MEETING_COLUMNS, this.filtered(where, 'a', filter), limit, after);
  }

  private filtered(where: Where, alias: string, filter: FieldworkFilter): Where {
    if (filter.provinceCode) where.add((p) => `${alias}.province_code = ${p}`, filter.provinceCode);
    if (filter.communeCode) where.add((p) => `${alias}.commune_code = ${p}`, filter.communeCode);
    // Sessions have no team: a team filter on them finds what its members attended.
    if (filter.teamId && alias === 't') {
      where.add(
        (p) => `EXISTS (SELECT 1 FROM fw_training_attendance_v1 x JOIN fw_team_memberships_v1 m ON m.person_id = x.person_id
          WHERE x.training_id = t.id AND m.team_id = ${p}::uuid AND m.valid_from <= t.held_on AND (m.valid_to IS NULL OR m.valid_to > t.held_on))`,
        filter.teamId,
      );
    } else if (filter.teamId) where.add((p) => `${alias}.team_id = ${p}::uuid`, filter.teamId);
    if (filter.from) where.add((p) => `${alias}.held_on >= ${p}::date`, filter.from);
    if (filter.to) where.add((p) => `${alias}.held_on <= ${p}::date`, filter.to);
    return where;
  }

  private async page<T>(from: string, alias: string, columns: string, where: Where, limit: number, after: After): Promise<Page<T>> {
    const counted = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${from} ${where.sql}`, where.params);
    const paged = new Where();
    paged.clauses.push(...where.clauses);
    paged.params.push(...where.params);
    if (after) {
      paged.params.push(after[0], after[1]);
      const n = paged.params.length;
      paged.clauses.push(`(${alias}.held_on, ${alias}.id) < ($${n - 1}::date, $${n}::uuid)`);
    }
    paged.params.push(limit);
    const rows = await this.dataSource.query<T[]>(
      `SELECT ${columns} FROM ${from} ${paged.sql} ORDER BY ${alias}.held_on DESC, ${alias}.id DESC LIMIT $${paged.params.length}`,
      paged.params,
    );
    return { rows, totalCount: counted[0]?.n ?? 0 };
  }
}
