import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import { expectedOutcome, type Observed, type Operation, type Outcome, type Target } from './authorization-operations';
import { MUTATIONS, type NewMutation, type NewopsSide, type NewopsWorld } from './authorization-newops';
import type { Role, Side } from './authorization-world';
import type { GqlResponse } from './reporting-e2e-world';

/**
 * The matrix rows of the field-work and reporting operations: each read and write, run by a role
 * against province A, B or an unknown one in the NewopsWorld (authorization-newops.ts).
 */
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
