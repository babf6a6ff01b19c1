import request from 'supertest';
import type { App } from 'supertest/types';
import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import type { Role, Side } from './authorization-world';
import { waitForProjections } from './catch-up';
import { FIELDWORK_MUTATIONS, type FieldworkMutation } from './fieldwork-e2e.queries';
import { ReportingClient, REPORTING_MUTATIONS, type ReportingMutation } from './reporting-e2e.client';
import { ReportingE2eWorld, type GqlResponse, type Role as WorldRole } from './reporting-e2e-world';
import { REGISTER } from './security-harness';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes } from '@cdtt/platform/testing';

/** Matrix role → the reporting world's client (its portal is province 98 = A, its other portal 97 = B). */
const AS: Record<Role, WorldRole> = { ADMIN: 'ADMIN', AUDITOR: 'AUDITOR', PORTAL_A: 'PORTAL', PORTAL_B: 'OTHER_PORTAL' };
export const MUTATIONS = { ...FIELDWORK_MUTATIONS, ...REPORTING_MUTATIONS } as const;
export type NewMutation = FieldworkMutation | ReportingMutation;

/** The objects of one province: a commune with two villages, a team, and one of each new kind of object. */
export interface NewopsSide {
  readonly province: string;
  readonly commune: string;
  readonly villages: readonly [string, string];
  readonly team: string;
  readonly leader: string;
  /** A session held, with the leader's attendance, not completed. */
  readonly training: string;
  /** A session held without attendance. */
  readonly emptyTraining: string;
  readonly activity: string;
  readonly meeting: string;
  readonly indicator: string;
  readonly report: string;
}

/** Report keys a side may still submit (line × period), one per write that must succeed. */
const LINES = ['STATE', 'YOUTH_UNION'] as const;

/**
 * The reporting e2e world (its clock, an admin, a portal of 98, one of 97, an auditor) with a
 * commune of 97 added, and for each province one training, activity, meeting, own indicator,
 * target and submitted commune report, all recorded by the admin in the world's year Y.
 */
export class NewopsWorld {
  readonly reporting = new ReportingE2eWorld();
  readonly api = new ReportingClient(this.reporting);
  readonly codes: Record<Side, string> = { A: '98', B: '97' };
  private readonly sides = new Map<Side, NewopsSide>();
  private readonly freePeriods: string[] = [];
  private readonly freeReportKeys = new Map<Side, Array<{ line: string; periodCode: string }>>();
  private extraCommune = '';
  private httpToken: string | undefined;

  get year(): number {
    return this.reporting.year;
  }

  date(monthDay: string): string {
    return this.reporting.date(monthDay);
  }

  get period(): string {
    return String(this.year);
  }

  async open(): Promise<void> {
    const [villagesA] = await this.reporting.open(1, 2);
    const geography = new TestGeography(this.reporting.runtime.eventStore, this.year, 'authz-newops-e2e', 'NewopsB');
    [this.extraCommune = ''] = await reserveCommuneCodes(this.reporting.runtime.dataSource, '97', 1, 'authz-newops-e2e');
    await geography.recordUnit('COMMUNE', this.extraCommune, '97');
    const villagesB = [toGlobalId('Village', await geography.registerVillage(this.extraCommune)), toGlobalId('Village', await geography.registerVillage(this.extraCommune))];
    await waitForProjections(this.reporting.runtime, ['teams_v1', 'villages_v1', 'admin_units_v1', 'reporting_v1', 'fieldwork_v1'], 110_000);
    this.reporting.setToday('12-10');
    for (let m = 1; m <= 12; m += 1) this.freePeriods.push(`${this.year}-${String(m).padStart(2, '0')}`);
    const keys = [this.period, `${this.year}-H1`, `${this.year}-H2`, `${this.year}-Q1`, `${this.year}-Q2`, `${this.year}-Q3`, `${this.year}-Q4`];
    for (const side of ['A', 'B'] as const) {
      this.freeReportKeys.set(side, LINES.flatMap((line) => keys.map((periodCode) => ({ line, periodCode }))));
      await this.openSide(side, side === 'A' ? (this.reporting.communes[0] ?? '') : this.extraCommune, side === 'A' ? (villagesA ?? []) : villagesB);
    }
  }

  async close(): Promise<void> {
    await this.reporting.runtime?.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = $1', [`COMMUNE:${this.extraCommune}:${this.year}-01-01`]);
    await this.reporting.close();
  }

  of(side: Side): NewopsSide {
    const data = this.sides.get(side);
    if (!data) throw new Error(`no data for ${side}`);
    return data;
  }

  gql(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> {
    return this.reporting.gql(query, variables, AS[role]);
  }

  /** A call with the HTTP status, as an admin client of its own (registered on first use). */
  async http(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: GqlResponse }> {
    this.httpToken ??= await this.registerAdmin();
    const response = await request(this.reporting.app.getHttpServer() as App)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${this.httpToken}`)
      .send({ query, variables });
    return { status: response.status, body: response.body as GqlResponse };
  }

  private async registerAdmin(): Promise<string> {
    const answer = await this.reporting.gql(REGISTER, { input: { name: `Hostile admin ${uuidv7().slice(-6)}`, role: 'ADMIN', provinceCodes: [] } });
    const payload = (answer.data as { registerApiClient: { apiClient: { clientId: string } | null; clientSecret: string | null } }).registerApiClient;
    if (!payload.apiClient || !payload.clientSecret) throw new Error(`register admin: ${JSON.stringify(answer)}`);
    const response = await request(this.reporting.app.getHttpServer() as App)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: payload.apiClient.clientId, client_secret: payload.clientSecret })
      .expect(200);
    return (response.body as { access_token: string }).access_token;
  }

  /** A mutation as the admin that must succeed: its payload. */
  async adminOk(name: NewMutation, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.reporting.gql(MUTATIONS[name], { input });
    const payload = answer.data?.[name] as { userErrors?: unknown[] } | undefined;
    if (answer.errors || !payload || (payload.userErrors ?? []).length > 0) throw new Error(`${name}: ${JSON.stringify(answer)}`);
    return payload;
  }

  /** A month of Y no write used yet (targets assigned and periods closed there stay independent). */
  freshPeriod(): string {
    const period = this.freePeriods.shift();
    if (!period) throw new Error('no fresh period left');
    return period;
  }

  freshReportKey(side: Side): { line: string; periodCode: string } {
    const key = this.freeReportKeys.get(side)?.shift();
    if (!key) throw new Error('no fresh report key left');
    return key;
  }

  trainingInput(commune: string, heldOn = this.date('02-01')): Record<string, unknown> {
    return { title: `Tập huấn ${uuidv7().slice(-6)}`, organiserKind: 'YOUTH_UNION', organiserName: 'Huyện đoàn', level: 'COMMUNE', mode: 'IN_PERSON', heldOn, topics: ['VNEID'], communeCode: commune };
  }

  activityInput(teamId: string, villageId: string, participantId: string): Record<string, unknown> {
    const figures = [{ category: 'E_COMMERCE', peopleGuided: 3, householdsGuided: 2, visits: 1, accountsCreated: 0, publicServiceDossiersFiled: 0, sellersOnboarded: 0, epaymentAccountsOpened: 0 }];
    return { teamId, villageId, date: this.date('02-10'), participantIds: [participantId], figures };
  }

  async freshTraining(side: Side, attended: boolean): Promise<string> {
    const id = ((await this.adminOk('scheduleTraining', this.trainingInput(this.of(side).commune))) as { training: { id: string } }).training.id;
    if (attended) await this.adminOk('recordTrainingAttendance', { trainingId: id, personIds: [this.of(side).leader] });
    return id;
  }

  async freshActivity(side: Side): Promise<string> {
    const data = this.of(side);
    return ((await this.adminOk('logActivity', this.activityInput(data.team, data.villages[0], data.leader))) as { activity: { id: string } }).activity.id;
  }

  async freshReport(side: Side): Promise<string> {
    const input = { ...this.freshReportKey(side), level: 'COMMUNE', unitCode: this.of(side).commune, manualValues: [] };
    return ((await this.adminOk('submitReport', input)) as { report: { id: string } }).report.id;
  }

  private async openSide(side: Side, commune: string, villages: string[]): Promise<void> {
    const province = this.codes[side];
    const [v0 = '', v1 = ''] = villages;
    const { teamId: team, people } = await this.api.teamWithPeople(commune, [v0], this.date('01-05'), 1);
    const leader = people[0] ?? '';
    const partial = { province, commune, villages: [v0, v1] as const, team, leader };
    this.sides.set(side, { ...partial, training: '', emptyTraining: '', activity: '', meeting: '', indicator: '', report: '' });
    const training = await this.freshTraining(side, true);
    const emptyTraining = await this.freshTraining(side, false);
    const activity = await this.freshActivity(side);
    const meetingInput = { teamId: team, date: this.date('02-15'), attendeeIds: [leader], decisions: ['Phân công hướng dẫn'], initiatives: [] };
    const meeting = ((await this.adminOk('recordMeeting', meetingInput)) as { meeting: { id: string } }).meeting.id;
    const indicator = `P${province}_MATRIX`;
    await this.adminOk('defineIndicator', { year: this.year, provinceCode: province, code: indicator, nameVi: 'Chỉ số ma trận', nameEn: 'Matrix indicator', unit: 'lượt', aggregation: 'SUM', source: 'MANUAL' });
    await this.adminOk('assignTarget', { periodCode: this.period, level: 'PROVINCE', unitCode: province, indicatorCode: 'MEMBERS', value: 5 });
    const reportInput = { line: 'STATE', periodCode: this.period, level: 'COMMUNE', unitCode: commune, manualValues: [] };
    this.freeReportKeys.set(side, (this.freeReportKeys.get(side) ?? []).filter((k) => !(k.line === 'STATE' && k.periodCode === this.period)));
    const report = ((await this.adminOk('submitReport', reportInput)) as { report: { id: string } }).report.id;
    this.sides.set(side, { ...partial, training, emptyTraining, activity, meeting, indicator, report });
  }
}
