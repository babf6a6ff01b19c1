import { FIELDWORK_FIGURES, FieldworkReadService, type FieldworkFigures } from '@cdtt/fieldwork';
import { uuidv7 } from '@cdtt/event-sourcing';
import { fromGlobalId, parsePeriod, ProvinceScope, toGlobalId } from '@cdtt/platform';
import type { Target } from './support/authorization-operations';
import type { Role } from './support/authorization-world';
import { NewopsWorld } from './support/authorization-newops';
import { expectedFor, NEW_READS, NEW_WRITES, type NewOperation } from './support/authorization-newops-operations';
import { FIELDWORK_MUTATIONS } from './support/fieldwork-e2e.queries';
import { REPORTING_MUTATIONS } from './support/reporting-e2e.client';

const MUTATIONS = { ...FIELDWORK_MUTATIONS, ...REPORTING_MUTATIONS } as const;

jest.setTimeout(120_000);

const ROLES: readonly Role[] = ['ADMIN', 'AUDITOR', 'PORTAL_A', 'PORTAL_B'];
const OPERATIONS: readonly NewOperation[] = [...NEW_READS, ...NEW_WRITES];
const ROWS = ROLES.flatMap((role) => OPERATIONS.flatMap((op) => op.targets.map((target: Target) => ({ role, op, target, expected: expectedFor(role, op, target) }))));

/**
 * The authorisation matrix of the field-work and reporting contexts, over real HTTP with real
 * tokens: role × own/other province/unknown object × every new query, mutation, node type and
 * statistics field. A portal cannot tell another province's object from an unknown one; an
 * auditor's write is FORBIDDEN.
 */
describe('authorization matrix: field work and reporting', () => {
  const world = new NewopsWorld();

  beforeAll(async () => {
    await world.open();
  }, 240_000);
  afterAll(async () => {
    await world.close();
  });

  it('has a row for every role, new operation and target', () => {
    expect(OPERATIONS.map((op) => op.name).filter((n, i, all) => all.indexOf(n) !== i)).toEqual([]);
    expect(NEW_WRITES.map((op) => op.name).sort()).toEqual([
      'acceptReport', 'amendReport', 'assignTarget', 'cancelTraining', 'closeTargetPeriod', 'completeTraining', 'correctActivity', 'defineIndicator',
      'logActivity', 'recordMeeting', 'recordTrainingAttendance', 'retractActivity', 'returnReport', 'reviseTarget', 'scheduleTraining', 'submitReport',
    ].sort());
    expect(ROWS).toHaveLength(ROLES.length * OPERATIONS.length * 3);
  });

  it.each(ROWS.map((row) => [`${row.role} ${row.op.name} on ${row.target} → ${row.expected}`, row] as const))('%s', async (_name, row) => {
    expect(await row.op.run(world, row.role, row.target, row.expected)).toBe(row.expected);
  });

  it("gives a team's report draft its members, Youth Union and field-work actuals, and none to another province's portal", async () => {
    type Draft = { figures: Array<{ indicatorCode: string; value: number | null }> } | null;
    const draft = async (role: Role, side: 'A' | 'B'): Promise<Draft> =>
      (await world.gql(role, 'query($u: String!, $p: String!) { reportDraft(level: TEAM, line: STATE, periodCode: $p, unitCode: $u) { figures { indicatorCode value } } }', { u: world.of(side).team, p: world.period })).data
        ?.reportDraft as Draft;
    const valueOf = (d: Draft, code: string) => d?.figures.find((f) => f.indicatorCode === code)?.value;
    for (const role of ['ADMIN', 'PORTAL_A'] as const) {
      const d = await draft(role, 'A');
      // The shared team: a leader and one member (in the Youth Union), active; one activity of 3 people guided in e-commerce.
      expect([valueOf(d, 'TEAMS'), valueOf(d, 'MEMBERS'), valueOf(d, 'LEADERS'), valueOf(d, 'YOUTH_UNION_MEMBERS'), valueOf(d, 'YOUTH_UNION_SHARE')]).toEqual([1, 2, 1, 1, 0.5]);
      expect(valueOf(d, 'PEOPLE_GUIDED_E_COMMERCE')).toBeGreaterThanOrEqual(3);
      expect(valueOf(d, 'VILLAGES_COVERED')).toBeNull();
    }
    expect(await draft('PORTAL_B', 'A')).toBeNull();
  });

  it("answers another province's person, village or indicator in an own write as it answers an unknown one", async () => {
    const a = world.of('A');
    const b = world.of('B');
    const unknownPerson = toGlobalId('Person', uuidv7());
    const unknownVillage = toGlobalId('Village', uuidv7());
    const code = async (name: string, input: Record<string, unknown>): Promise<string[]> => {
      const answer = await world.gql('PORTAL_A', MUTATIONS[name as keyof typeof MUTATIONS], { input });
      if (answer.errors) return answer.errors.map((e) => `top:${e.extensions.code}`);
      return (answer.data?.[name] as { userErrors: Array<{ code: string }> }).userErrors.map((e) => e.code);
    };
    const attend = async (person: string) => code('recordTrainingAttendance', { trainingId: await world.freshTraining('A', false), personIds: [person] });
    expect(await attend(b.leader)).toEqual(await attend(unknownPerson));
    expect(await attend(b.leader)).toEqual(['PERSON_NOT_FOUND']);
    const log = (village: string, participant: string) => code('logActivity', world.activityInput(a.team, village, participant));
    expect(await log(b.villages[0], a.leader)).toEqual(['VILLAGE_NOT_FOUND']);
    expect(await log(unknownVillage, a.leader)).toEqual(['VILLAGE_NOT_FOUND']);
    expect(await log(a.villages[0], b.leader)).toEqual(await log(a.villages[0], unknownPerson));
    const meet = (person: string) => code('recordMeeting', { teamId: a.team, date: world.date('03-02'), attendeeIds: [person], decisions: [], initiatives: [] });
    expect(await meet(b.leader)).toEqual(await meet(unknownPerson));
    const submit = (indicatorCode: string) => code('submitReport', { ...world.freshReportKey('A'), level: 'COMMUNE', unitCode: a.commune, manualValues: [{ indicatorCode, value: 1 }] });
    expect(await submit(b.indicator)).toEqual(['INDICATOR_NOT_FOUND']);
    const assign = (indicatorCode: string) => code('assignTarget', { periodCode: world.period, level: 'PROVINCE', unitCode: a.province, indicatorCode, value: 1 });
    expect(await assign(b.indicator)).toEqual(['INDICATOR_NOT_FOUND']);
    expect(await assign('P00_NOTHING')).toEqual(['INDICATOR_NOT_FOUND']);
  });

  it("scopes the read services too, not only their resolvers: another province's objects and figures read as unknown", async () => {
    const app = world.reporting.app;
    const reads = app.get(FieldworkReadService, { strict: false });
    const figures = app.get<FieldworkFigures>(FIELDWORK_FIGURES, { strict: false });
    const portalA = ProvinceScope.of({ clientId: 'matrix', role: 'PORTAL', provinceCodes: [world.codes.A] });
    const b = world.of('B');
    const local = (id: string) => fromGlobalId(id)?.localId ?? '';
    expect(await reads.findTraining(local(b.training), ProvinceScope.UNRESTRICTED)).not.toBeNull();
    expect(await reads.findTraining(local(b.training), portalA)).toBeNull();
    expect(await reads.findActivity(local(b.activity), ProvinceScope.UNRESTRICTED)).not.toBeNull();
    expect(await reads.findActivity(local(b.activity), portalA)).toBeNull();
    expect(await reads.findMeeting(local(b.meeting), ProvinceScope.UNRESTRICTED)).not.toBeNull();
    expect(await reads.findMeeting(local(b.meeting), portalA)).toBeNull();
    const period = parsePeriod(world.period);
    if (!period) throw new Error('period');
    const unit = { level: 'PROVINCE' as const, code: b.province };
    expect(await figures.measures(unit, period, ProvinceScope.UNRESTRICTED)).not.toBeNull();
    expect(await figures.measures(unit, period, portalA)).toBeNull();
  });
});
