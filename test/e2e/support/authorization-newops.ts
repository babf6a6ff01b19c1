import request from 'supertest';
import type { App } from 'supertest/types';
import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import { expectedOutcome, type Observed, type Operation, type Outcome, type Target } from './authorization-operations';
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
const MUTATIONS = { ...FIELDWORK_MUTATIONS, ...REPORTING_MUTATIONS } as const;
type NewMutation = FieldworkMutation | ReportingMutation;

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

/** An operation of the new contexts; the expected outcomes are the existing matrix's (expectedOutcome). */
export interface NewOperation {
  readonly name: string;
  readonly write: boolean;
  readonly targets: readonly Target[];
  run(world: NewopsWorld, role: Role, target: Target, expected: Outcome): Promise<Observed>;
}

export function expectedFor(role: Role, op: NewOperation, target: Target): Outcome {
  const shape: Operation = { name: op.name, write: op.write, targets: op.targets, run: () => Promise.reject(new Error('shape only')) };
  return expectedOutcome(role, shape, target);
}

const SIDES: readonly Target[] = ['A', 'B', 'unknown'];
const UNKNOWN = { province: '00', commune: '00000' };
const topCode = (answer: GqlResponse): string | undefined => answer.errors?.[0]?.extensions.code;
const describeAnswer = (answer: GqlResponse): Observed => `unexpected answer ${JSON.stringify(answer).slice(0, 400)}`;
const sideOf = (w: NewopsWorld, t: Target) => (t === 'A' || t === 'B' ? w.of(t) : null);
const provinceOf = (w: NewopsWorld, t: Target): string => sideOf(w, t)?.province ?? UNKNOWN.province;
const communeOf = (w: NewopsWorld, t: Target): string => sideOf(w, t)?.commune ?? UNKNOWN.commune;
const idOf = (w: NewopsWorld, t: Target, pick: (s: NewopsSide) => string, type: string): string => {
  const data = sideOf(w, t);
  return data ? pick(data) : toGlobalId(type, uuidv7());
};
const unknownReport = (w: NewopsWorld): string => toGlobalId('Report', `STATE:${w.period}:COMMUNE:${UNKNOWN.commune}`);

function readOp(
  name: string,
  query: string,
  vars: (w: NewopsWorld, t: Target) => Record<string, unknown>,
  seen: (data: Record<string, unknown>, w: NewopsWorld, t: Target) => boolean | null,
): NewOperation {
  return {
    name,
    write: false,
    targets: SIDES,
    async run(w, role, t) {
      const answer = await w.gql(role, query, vars(w, t));
      const code = topCode(answer);
      if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
      if (code || !answer.data) return describeAnswer(answer);
      const verdict = seen(answer.data, w, t);
      return verdict === null ? describeAnswer(answer) : verdict ? 'ALLOWED' : 'NOT_FOUND';
    },
  };
}

interface Listed { totalCount: number; nodes: Array<{ id: string }> }
/** A list: the object is listed (ALLOWED), the list is empty (NOT_FOUND), or something else is listed (unexpected). */
const lists = (key: string, pick: (s: NewopsSide) => string) => (d: Record<string, unknown>, w: NewopsWorld, t: Target): boolean | null => {
  const list = d[key] as Listed;
  if (list.totalCount === 0) return false;
  const data = sideOf(w, t);
  return data && list.nodes.some((n) => n.id === pick(data)) ? true : null;
};
const byId = (key: string) => (d: Record<string, unknown>): boolean => d[key] !== null;
const team = (d: Record<string, unknown>) => d.team as Record<string, unknown> | null;
const stats = (d: Record<string, unknown>) => d.unitStatistics as Record<string, unknown> | null;

export const NEW_READS: readonly NewOperation[] = [
  readOp('training(id)', 'query($id: ID!) { training(id: $id) { id } }', (w, t) => ({ id: idOf(w, t, (s) => s.training, 'Training') }), byId('training')),
  readOp('node(Training)', 'query($id: ID!) { node(id: $id) { id ... on Training { attendeeIds } } }', (w, t) => ({ id: idOf(w, t, (s) => s.training, 'Training') }), byId('node')),
  readOp('trainings(provinceCode)', 'query($f: FieldworkFilter) { trainings(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { provinceCode: provinceOf(w, t) } }), lists('trainings', (s) => s.training)),
  readOp('trainings(communeCode)', 'query($f: FieldworkFilter) { trainings(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { communeCode: communeOf(w, t) } }), lists('trainings', (s) => s.training)),
  readOp('personTrainingRecord', 'query($id: ID!) { personTrainingRecord(personId: $id) { totalCount nodes { id } } }', (w, t) => ({ id: idOf(w, t, (s) => s.leader, 'Person') }), lists('personTrainingRecord', (s) => s.training)),
  readOp('activity(id)', 'query($id: ID!) { activity(id: $id) { id } }', (w, t) => ({ id: idOf(w, t, (s) => s.activity, 'Activity') }), byId('activity')),
  readOp('node(Activity)', 'query($id: ID!) { node(id: $id) { id ... on Activity { participantIds } } }', (w, t) => ({ id: idOf(w, t, (s) => s.activity, 'Activity') }), byId('node')),
  readOp('activities(provinceCode)', 'query($f: FieldworkFilter) { activities(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { provinceCode: provinceOf(w, t) } }), lists('activities', (s) => s.activity)),
  readOp('activities(teamId)', 'query($f: FieldworkFilter) { activities(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { teamId: idOf(w, t, (s) => s.team, 'Team') } }), lists('activities', (s) => s.activity)),
  readOp('node(Meeting)', 'query($id: ID!) { node(id: $id) { id ... on Meeting { attendeeIds } } }', (w, t) => ({ id: idOf(w, t, (s) => s.meeting, 'Meeting') }), byId('node')),
  readOp('meetings(provinceCode)', 'query($f: FieldworkFilter) { meetings(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { provinceCode: provinceOf(w, t) } }), lists('meetings', (s) => s.meeting)),
  readOp('meetings(teamId)', 'query($f: FieldworkFilter) { meetings(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { teamId: idOf(w, t, (s) => s.team, 'Team') } }), lists('meetings', (s) => s.meeting)),
  readOp('Team.fieldwork', 'query($id: ID!, $p: String!) { team(id: $id) { fieldwork(period: $p) { activitiesLogged meetingsHeld } } }', (w, t) => ({ id: idOf(w, t, (s) => s.team, 'Team'), p: w.period }), (d) => {
    const figures = team(d)?.fieldwork as { activitiesLogged: number; meetingsHeld: number } | null | undefined;
    if (!team(d)) return false;
    return figures && figures.activitiesLogged >= 1 && figures.meetingsHeld >= 1 ? true : null;
  }),
  ...(['PROVINCE', 'COMMUNE'] as const).flatMap((level) => {
    const code = (w: NewopsWorld, t: Target) => (level === 'PROVINCE' ? provinceOf(w, t) : communeOf(w, t));
    const q = (field: string) => `query($c: String!, $d: String, $p: String!) { unitStatistics(level: ${level}, code: $c, asOf: $d) { code ${field} } }`;
    const vars = (w: NewopsWorld, t: Target) => ({ c: code(w, t), d: w.date('12-10'), p: w.period });
    return [
      readOp(`UnitStatistics(${level}).fieldwork`, q('fieldwork(period: $p) { activitiesLogged }'), vars, (d) => {
        if (!stats(d)) return false;
        return ((stats(d)?.fieldwork as { activitiesLogged: number } | null)?.activitiesLogged ?? 0) >= 1 ? true : null;
      }),
      readOp(`UnitStatistics(${level}).indicators`, q('indicators(period: $p) { indicatorCode }'), vars, (d) => {
        if (!stats(d)) return false;
        return ((stats(d)?.indicators as unknown[] | undefined) ?? []).length > 0 ? true : null;
      }),
      readOp(`UnitStatistics(${level}).reporting`, q('reporting(period: $p) { line }'), vars, (d) => {
        if (!stats(d)) return false;
        return ((stats(d)?.reporting as unknown[] | undefined) ?? []).length > 0 ? true : null;
      }),
    ];
  }),
  readOp('indicators(year, provinceCode)', 'query($y: Int!, $p: String) { indicators(year: $y, provinceCode: $p) { code } }', (w, t) => ({ y: w.year, p: provinceOf(w, t) }), (d, w, t) => {
    const codes = (d.indicators as Array<{ code: string }>).map((i) => i.code);
    if (codes.length === 0) return null;
    return codes.some((c) => c.startsWith('P') && c.endsWith('_MATRIX')) ? (codes.includes(sideOf(w, t)?.indicator ?? '-') ? true : null) : false;
  }),
  readOp('targets(provinceCode)', 'query($f: TargetFilter!) { targets(filter: $f, first: 50) { totalCount nodes { level unitCode indicatorCode } } }', (w, t) => ({ f: { periodCode: w.period, provinceCode: provinceOf(w, t) } }), (d, w, t) => {
    const list = d.targets as { totalCount: number; nodes: Array<{ level: string; unitCode: string; indicatorCode: string }> };
    if (list.totalCount === 0) return false;
    return list.nodes.some((n) => n.level === 'PROVINCE' && n.unitCode === provinceOf(w, t) && n.indicatorCode === 'MEMBERS') ? true : null;
  }),
  readOp('reportDraft(COMMUNE)', 'query($u: String!, $p: String!) { reportDraft(level: COMMUNE, line: STATE, periodCode: $p, unitCode: $u) { reportId figures { indicatorCode } } }', (w, t) => ({ u: communeOf(w, t), p: w.period }), byId('reportDraft')),
  readOp('reportDraft(PROVINCE)', 'query($u: String!, $p: String!) { reportDraft(level: PROVINCE, line: STATE, periodCode: $p, unitCode: $u) { reportId } }', (w, t) => ({ u: provinceOf(w, t), p: w.period }), byId('reportDraft')),
  readOp('reportDraft(TEAM)', 'query($u: String!, $p: String!) { reportDraft(level: TEAM, line: STATE, periodCode: $p, unitCode: $u) { reportId } }', (w, t) => ({ u: idOf(w, t, (s) => s.team, 'Team'), p: w.period }), byId('reportDraft')),
  readOp('report(id)', 'query($id: ID!) { report(id: $id) { id } }', (w, t) => ({ id: sideOf(w, t)?.report ?? unknownReport(w) }), byId('report')),
  readOp('node(Report)', 'query($id: ID!) { node(id: $id) { id ... on Report { status } } }', (w, t) => ({ id: sideOf(w, t)?.report ?? unknownReport(w) }), byId('node')),
  readOp('reportExport(CSV)', 'query($id: ID!) { reportExport(id: $id, format: CSV) { filename } }', (w, t) => ({ id: sideOf(w, t)?.report ?? unknownReport(w) }), byId('reportExport')),
  readOp('reports(provinceCode)', 'query($f: ReportFilter) { reports(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { provinceCode: provinceOf(w, t) } }), lists('reports', (s) => s.report)),
  readOp('reports(unitCode)', 'query($f: ReportFilter) { reports(filter: $f, first: 50) { totalCount nodes { id } } }', (w, t) => ({ f: { level: 'COMMUNE', unitCode: communeOf(w, t) } }), lists('reports', (s) => s.report)),
];

/** A write: FORBIDDEN at top level, NOT_FOUND when the one userError is the op's not-found code, ALLOWED when none. */
function writeOp(name: NewMutation, notFoundCode: string, input: (w: NewopsWorld, t: Target, allowed: boolean) => Promise<Record<string, unknown>> | Record<string, unknown>): NewOperation {
  return {
    name,
    write: true,
    targets: SIDES,
    async run(w, role, t, expected) {
      const allowed = expected === 'ALLOWED' && (t === 'A' || t === 'B');
      const answer = await w.gql(role, MUTATIONS[name], { input: await input(w, t, allowed) });
      if (topCode(answer) === 'FORBIDDEN') return 'FORBIDDEN';
      const payload = answer.data?.[name] as { userErrors: Array<{ code: string }> } | undefined;
      if (!payload || answer.errors) return describeAnswer(answer);
      if (payload.userErrors.length === 0) return 'ALLOWED';
      return payload.userErrors.length === 1 && payload.userErrors[0]?.code === notFoundCode ? 'NOT_FOUND' : describeAnswer(answer);
    },
  };
}

const asSide = (t: Target): Side => (t === 'B' ? 'B' : 'A');

export const NEW_WRITES: readonly NewOperation[] = [
  writeOp('scheduleTraining', 'COMMUNE_NOT_IN_FORCE', (w, t) => w.trainingInput(communeOf(w, t))),
  writeOp('recordTrainingAttendance', 'TRAINING_NOT_FOUND', async (w, t, allowed) => ({
    trainingId: allowed ? await w.freshTraining(asSide(t), false) : idOf(w, t, (s) => s.emptyTraining, 'Training'),
    personIds: [sideOf(w, t)?.leader ?? toGlobalId('Person', uuidv7())],
  })),
  writeOp('completeTraining', 'TRAINING_NOT_FOUND', async (w, t, allowed) => ({ trainingId: allowed ? await w.freshTraining(asSide(t), true) : idOf(w, t, (s) => s.training, 'Training') })),
  writeOp('cancelTraining', 'TRAINING_NOT_FOUND', async (w, t, allowed) => ({ trainingId: allowed ? await w.freshTraining(asSide(t), false) : idOf(w, t, (s) => s.emptyTraining, 'Training'), reason: 'Hoãn' })),
  writeOp('logActivity', 'TEAM_NOT_FOUND', (w, t) => {
    const data = sideOf(w, t);
    // An unknown team with a known village of A: the team is what is not found.
    return w.activityInput(data?.team ?? toGlobalId('Team', uuidv7()), data?.villages[0] ?? w.of('A').villages[0], data?.leader ?? w.of('A').leader);
  }),
  writeOp('correctActivity', 'ACTIVITY_NOT_FOUND', async (w, t, allowed) => ({
    activityId: allowed ? await w.freshActivity(asSide(t)) : idOf(w, t, (s) => s.activity, 'Activity'),
    figures: [{ category: 'E_COMMERCE', peopleGuided: 4, householdsGuided: 2, visits: 1, accountsCreated: 0, publicServiceDossiersFiled: 0, sellersOnboarded: 0, epaymentAccountsOpened: 0 }],
    reason: 'Đếm lại',
  })),
  writeOp('retractActivity', 'ACTIVITY_NOT_FOUND', async (w, t, allowed) => ({ activityId: allowed ? await w.freshActivity(asSide(t)) : idOf(w, t, (s) => s.activity, 'Activity'), reason: 'Ghi trùng' })),
  writeOp('recordMeeting', 'TEAM_NOT_FOUND', (w, t) => ({
    teamId: idOf(w, t, (s) => s.team, 'Team'),
    date: w.date('03-01'),
    attendeeIds: [sideOf(w, t)?.leader ?? w.of('A').leader],
    decisions: ['Họp định kỳ'],
    initiatives: [],
  })),
  writeOp('defineIndicator', 'PROVINCE_NOT_FOUND', (w, t) => {
    const province = provinceOf(w, t);
    return { year: w.year, provinceCode: province, code: `P${province}_M${uuidv7().slice(-6).toUpperCase().replace(/[^0-9A-Z]/g, 'X')}`, nameVi: 'Chỉ số', nameEn: 'Indicator', unit: 'lượt', aggregation: 'SUM', source: 'MANUAL' };
  }),
  writeOp('assignTarget', 'UNIT_NOT_FOUND', (w, t, allowed) => ({ periodCode: allowed ? w.freshPeriod() : w.period, level: 'PROVINCE', unitCode: provinceOf(w, t), indicatorCode: 'TEAMS', value: 3 })),
  writeOp('reviseTarget', 'UNIT_NOT_FOUND', (w, t) => ({ periodCode: w.period, level: 'PROVINCE', unitCode: provinceOf(w, t), indicatorCode: 'MEMBERS', value: 6, reason: 'Điều chỉnh' })),
  writeOp('closeTargetPeriod', 'PROVINCE_NOT_FOUND', (w, t, allowed) => ({ provinceCode: provinceOf(w, t), periodCode: allowed ? w.freshPeriod() : w.period })),
  writeOp('submitReport', 'UNIT_NOT_FOUND', (w, t, allowed) => ({
    ...(allowed ? w.freshReportKey(asSide(t)) : { line: 'YOUTH_UNION', periodCode: w.period }),
    level: 'COMMUNE',
    unitCode: communeOf(w, t),
    manualValues: [],
  })),
  writeOp('returnReport', 'REPORT_NOT_FOUND', async (w, t, allowed) => ({ reportId: allowed ? await w.freshReport(asSide(t)) : (sideOf(w, t)?.report ?? unknownReport(w)), reason: 'Thiếu số liệu' })),
  writeOp('acceptReport', 'REPORT_NOT_FOUND', async (w, t, allowed) => ({ reportId: allowed ? await w.freshReport(asSide(t)) : (sideOf(w, t)?.report ?? unknownReport(w)) })),
  writeOp('amendReport', 'REPORT_NOT_FOUND', async (w, t, allowed) => ({ reportId: allowed ? await w.freshReport(asSide(t)) : (sideOf(w, t)?.report ?? unknownReport(w)), reason: 'Bổ sung', manualValues: [] })),
];
