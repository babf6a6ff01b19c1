import { FIELDWORK_FIGURES as FIGURES_TOKEN, FieldworkReadService, type FieldworkFigures } from '@cdtt/fieldwork';
import { fromGlobalId, parsePeriod, ProvinceScope, toGlobalId } from '@cdtt/platform';
import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';
import { lastCommitted, waitForProjections } from './support/catch-up';
import { openSecurityHarness, REGISTER } from './support/security-harness';
import { FieldworkClient } from './support/fieldwork-e2e.client';
import { category, figuresInput, FieldworkLedger, type CategoryFact, type Unit } from './support/fieldwork-e2e.ledger';
import { FIELDWORK_FIGURES, type Figures } from './support/fieldwork-e2e.queries';

/**
 * Field work over real HTTP and PostgreSQL: training sessions, activities (with a correction and a
 * retraction), meetings, every rule's code, and figures per commune, province, nation and team
 * checked against the ledger's own counts. Dates are in the world's year Y (2001..2019: period
 * codes need a year from 2000, and activities may not be dated after today).
 */
describe('field work API over HTTP', () => {
  const world = new TeamsE2eWorld([2001, 2020]);
  const teamsApi = new TeamsClient(world);
  const api = new FieldworkClient(world);
  const d = (md: string) => world.date(md);
  const ledger = new FieldworkLedger('99');
  const unknown = (type: string) => toGlobalId(type, '0190aaaa-0000-7000-8000-000000000000');
  let v: string[][];
  let c: string[];
  const t: Record<string, string> = {};
  const p: Record<string, string> = {};
  const s: Record<string, string> = {};
  const a: Record<string, string> = {};

  const establish = async (name: string, commune: number, villages: string[], level: 'VILLAGE' | 'COMMUNE') => {
    t[name] = (await teamsApi.ok('establishTeam', teamsApi.establishInput(c[commune]!, villages, level, d('02-01'), `Tổ ${name} ${world.year}`))).team!.id;
    ledger.teams.push({ id: t[name], commune: c[commune]!, villages });
  };
  const join = async (team: string, name: string, role: string, from: string) => {
    const payload = await teamsApi.ok('addTeamMember', { teamId: t[team], person: teamsApi.person(`Thành viên ${name}`), role, effectiveDate: from });
    p[name] = payload.personId!;
    ledger.spells.push({ person: p[name], team: t[team]!, from, to: null });
  };
  const leave = async (team: string, name: string, on: string) => {
    await teamsApi.ok('removeTeamMember', { teamId: t[team], personId: p[name], effectiveDate: on });
    const spell = ledger.spells.find((x) => x.person === p[name] && x.team === t[team] && x.to === null);
    spell!.to = on;
  };

  beforeAll(async () => {
    v = await world.open(3, 2);
    c = world.communes;
    for (const [i, ids] of v.entries()) for (const id of ids) ledger.villages.set(id, { commune: c[i]!, households: 50 });
    await waitForProjections(world.runtime, ['fieldwork_v1'], 110_000);
    await establish('T1', 0, v[0]!, 'VILLAGE');
    await establish('T2', 1, [v[1]![0]!], 'VILLAGE');
    await establish('T3', 2, [], 'COMMUNE');
    await establish('T4', 2, [v[2]![1]!], 'VILLAGE');
    await join('T1', 'L1', 'LEADER', d('02-01'));
    await join('T1', 'M1', 'MEMBER', d('02-10'));
    await join('T1', 'M2', 'MEMBER', d('02-10'));
    await leave('T1', 'M2', d('06-01'));
    await join('T2', 'L2', 'LEADER', d('02-01'));
    await join('T2', 'M3', 'MEMBER', d('02-01'));
    await join('T3', 'L3', 'LEADER', d('02-01'));
    await join('T3', 'X', 'MEMBER', d('02-01'));
    await leave('T3', 'X', d('03-01'));
  }, 180_000);
  afterAll(() => world.close());

  const schedule = (level: string, heldOn: string, codes: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
    title: `Tập huấn ${heldOn}`,
    organiserKind: 'YOUTH_UNION',
    organiserName: 'Tỉnh đoàn',
    level,
    mode: 'IN_PERSON',
    heldOn,
    topics: ['ONLINE_PUBLIC_SERVICES', 'VNEID'],
    ...codes,
    ...extra,
  });

  /** Schedules, records attendance and (optionally) completes a session; the ledger follows. */
  const session = async (key: string, level: string, heldOn: string, codes: Record<string, string>, attendees: string[], complete: boolean) => {
    const scheduled = await api.ok('scheduleTraining', schedule(level, heldOn, codes));
    s[key] = scheduled.training!.id;
    if (attendees.length > 0) await api.ok('recordTrainingAttendance', { trainingId: s[key], personIds: attendees.map((n) => p[n]) });
    if (complete) expect((await api.ok('completeTraining', { trainingId: s[key] })).training!.status).toBe('COMPLETED');
    const province = level === 'NATIONAL' ? null : (codes.provinceCode ?? '99');
    ledger.sessions.push({ level, province, commune: codes.communeCode ?? null, heldOn, completed: complete, attendees: attendees.map((n) => p[n]!) });
  };

  it('runs training sessions through their life cycle, with attendance and a training record', async () => {
    await session('S1', 'COMMUNE', d('03-10'), { communeCode: c[0]! }, ['L1', 'M1', 'X'], true);
    await session('S2', 'PROVINCE', d('04-05'), { provinceCode: '99' }, ['L1', 'L2', 'M3'], true);
    await session('S3', 'NATIONAL', d('05-01'), {}, ['M2'], true);
    await session('S5', 'PROVINCE', d('06-10'), { provinceCode: '99' }, ['M3'], false);
    const s4 = await api.ok('scheduleTraining', schedule('COMMUNE', d('05-10'), { communeCode: c[1]! }));
    s.S4 = s4.training!.id;
    expect(s4.training).toMatchObject({ status: 'SCHEDULED', provinceCode: '99', version: 0 });
    await api.ok('recordTrainingAttendance', { trainingId: s.S4, personIds: [p.L2] });
    const cancelled = await api.ok('cancelTraining', { trainingId: s.S4, reason: 'Mưa bão', expectedVersion: 1 });
    expect(cancelled.training).toMatchObject({ status: 'CANCELLED', version: 2 });
    ledger.sessions.push({ level: 'COMMUNE', province: '99', commune: c[1]!, heldOn: d('05-10'), completed: false, attendees: [p.L2!] });

    const record = await world.gql(`query($id: ID!) { personTrainingRecord(personId: $id) { totalCount nodes { id status } } }`, { id: p.L1 });
    expect(record.data?.personTrainingRecord).toEqual({ totalCount: 2, nodes: [{ id: s.S2, status: 'COMPLETED' }, { id: s.S1, status: 'COMPLETED' }] });
    const one = await world.gql(`query($id: ID!) { node(id: $id) { __typename ... on Training { attendeeIds level } } }`, { id: s.S1 });
    expect(one.data?.node).toEqual({ __typename: 'Training', attendeeIds: expect.arrayContaining([p.L1, p.M1, p.X]) as string[], level: 'COMMUNE' });
  }, 60_000);

  it('refuses every training rule with its code and writes nothing', async () => {
    const head = await lastCommitted(world.runtime);
    const future = `${world.year + 90}-01-01`;
    const later = await api.ok('scheduleTraining', schedule('NATIONAL', future));
    s.future = later.training!.id;
    const before = await lastCommitted(world.runtime);
    expect(before).not.toBe(head);
    expect(await api.refused('scheduleTraining', schedule('COMMUNE', d('03-01'), { communeCode: c[0]!, provinceCode: '99' }))).toBe('TRAINING_UNIT_MISMATCH');
    expect(await api.refused('scheduleTraining', schedule('NATIONAL', d('03-01'), { provinceCode: '99' }))).toBe('TRAINING_UNIT_MISMATCH');
    expect(await api.refused('scheduleTraining', schedule('COMMUNE', d('03-01'), { communeCode: '00000' }))).toBe('COMMUNE_NOT_IN_FORCE');
    expect(await api.refused('scheduleTraining', schedule('PROVINCE', `${world.year + 1}-03-01`, { provinceCode: '99' }))).toBe('PROVINCE_NOT_IN_FORCE');
    expect(await api.refused('scheduleTraining', schedule('NATIONAL', d('03-01'), {}, { topics: [] }))).toBe('TOPICS_REQUIRED');
    expect(await api.refused('scheduleTraining', schedule('NATIONAL', d('03-01'), {}, { topics: ['VNEID', 'VNEID'] }))).toBe('DUPLICATE_TOPIC');
    expect(await api.refused('scheduleTraining', schedule('NATIONAL', d('03-01'), {}, { organiserName: ' ' }))).toBe('ORGANISER_NAME_REQUIRED');
    expect(await api.refused('recordTrainingAttendance', { trainingId: s.future, personIds: [p.L1] })).toBe('TRAINING_NOT_YET_HELD');
    expect(await api.refused('completeTraining', { trainingId: s.future })).toBe('TRAINING_NOT_YET_HELD');
    expect(await api.refused('recordTrainingAttendance', { trainingId: s.S1, personIds: [p.L1] })).toBe('ATTENDANCE_ALREADY_RECORDED');
    expect(await api.refused('recordTrainingAttendance', { trainingId: s.S5, personIds: [p.L1, p.L1] })).toBe('DUPLICATE_ATTENDEE');
    expect(await api.refused('recordTrainingAttendance', { trainingId: s.S5, personIds: [unknown('Person')] })).toBe('PERSON_NOT_FOUND');
    expect(await api.refused('recordTrainingAttendance', { trainingId: s.S4, personIds: [p.L1] })).toBe('TRAINING_CANCELLED');
    expect(await api.refused('recordTrainingAttendance', { trainingId: unknown('Training'), personIds: [p.L1] })).toBe('TRAINING_NOT_FOUND');
    expect(await api.refused('completeTraining', { trainingId: s.S1 })).toBe('TRAINING_ALREADY_COMPLETED');
    expect(await api.refused('cancelTraining', { trainingId: s.S1, reason: 'Nhầm' })).toBe('TRAINING_ALREADY_COMPLETED');
    expect(await api.refused('cancelTraining', { trainingId: s.S5, reason: ' ' })).toBe('REASON_REQUIRED');
    expect(await api.refused('completeTraining', { trainingId: s.S4 })).toBe('TRAINING_CANCELLED');
    expect(await api.refused('completeTraining', { trainingId: s.S5, expectedVersion: 0 })).toBe('VERSION_CONFLICT');
    const empty = await api.ok('scheduleTraining', schedule('COMMUNE', d('06-20'), { communeCode: c[2]! }));
    const afterEmpty = await lastCommitted(world.runtime);
    expect(await api.refused('completeTraining', { trainingId: empty.training!.id })).toBe('TRAINING_WITHOUT_ATTENDANCE');
    expect(await lastCommitted(world.runtime)).toBe(afterEmpty);
    const bad = await api.raw('scheduleTraining', schedule('NATIONAL', d('03-01'), {}, { topics: ['NOT_A_TOPIC'] }));
    expect(bad.errors?.[0]?.extensions.code).toBeDefined();
  }, 60_000);

  /** Logs an activity and records it in the ledger. */
  const log = async (key: string, team: string, village: string, date: string, who: string[], figures: CategoryFact[]) => {
    const payload = await api.ok('logActivity', { teamId: t[team], villageId: village, date, participantIds: who.map((n) => p[n]), figures: figures.map(figuresInput) });
    a[key] = payload.activity!.id;
    const fact = ledger.teams.find((x) => x.id === t[team])!;
    ledger.activities.push({ id: a[key], team: fact.id, commune: fact.commune, village, date, figures, retracted: false, corrected: false });
    return payload;
  };

  it('logs, corrects and retracts activities; history is kept and retracted ones stay listed', async () => {
    const first = await log('A1', 'T1', v[0]![0]!, d('03-15'), ['L1', 'M1'], [
      category('ONLINE_PUBLIC_SERVICES', 10, 8, 3, { PUBLIC_SERVICE_DOSSIERS_FILED: 4 }),
      category('E_COMMERCE', 4, 2, 1, { SELLERS_ONBOARDED: 1 }),
    ]);
    expect(first.activity).toMatchObject({ status: 'ACTIVE', corrections: 0, version: 0 });
    await log('A2', 'T1', v[0]![1]!, d('04-20'), ['M2'], [category('VNEID', 20, 15, 5, { ACCOUNTS_CREATED: 12 })]);
    await log('A3', 'T2', v[1]![0]!, d('05-05'), ['L2', 'M3'], [category('E_PAYMENT', 30, 30, 4, { EPAYMENT_ACCOUNTS_OPENED: 6 })]);
    await log('A4', 'T2', v[1]![0]!, d('05-06'), ['L2'], [category('E_PAYMENT', 40, 40, 2, { EPAYMENT_ACCOUNTS_OPENED: 10 })]);
    await log('A5', 'T3', v[2]![0]!, d('05-10'), ['L3'], [category('INFORMATION_SECURITY', 6, 5, 1)]);

    const corrected = [category('ONLINE_PUBLIC_SERVICES', 12, 9, 3, { PUBLIC_SERVICE_DOSSIERS_FILED: 5 }), category('E_COMMERCE', 4, 2, 1, { SELLERS_ONBOARDED: 1 })];
    const fixed = await api.ok('correctActivity', { activityId: a.A1, figures: corrected.map(figuresInput), reason: 'Đếm lại', expectedVersion: 0 });
    expect(fixed.activity).toMatchObject({ corrections: 1, version: 1, status: 'ACTIVE' });
    expect(fixed.activity!.history.map((h) => h.kind)).toEqual(['ActivityLogged', 'ActivityCorrected']);
    const a1 = ledger.activities.find((x) => x.id === a.A1)!;
    Object.assign(a1, { figures: corrected, corrected: true });

    const retracted = await api.ok('retractActivity', { activityId: a.A2, reason: 'Ghi trùng' });
    expect(retracted.activity).toMatchObject({ status: 'RETRACTED', version: 1 });
    ledger.activities.find((x) => x.id === a.A2)!.retracted = true;

    const listed = await world.gql(`query($f: FieldworkFilter) { activities(filter: $f, first: 10) { totalCount nodes { id status } } }`, { f: { communeCode: c[0] } });
    expect(listed.data?.activities).toEqual({ totalCount: 2, nodes: [{ id: a.A2, status: 'RETRACTED' }, { id: a.A1, status: 'ACTIVE' }] });
    const onlyRetracted = await world.gql(`query($f: FieldworkFilter) { activities(filter: $f) { totalCount } }`, { f: { provinceCode: '99', retracted: true, from: d('01-01'), to: d('12-31') } });
    expect(onlyRetracted.data?.activities).toEqual({ totalCount: 1 });
    const page = await world.gql(`query($f: FieldworkFilter) { activities(filter: $f, first: 2) { pageInfo { hasNextPage endCursor } nodes { id } } }`, { f: { provinceCode: '99' } });
    const next = await world.gql(`query($f: FieldworkFilter, $after: String) { activities(filter: $f, first: 10, after: $after) { nodes { id } } }`, {
      f: { provinceCode: '99' },
      after: (page.data?.activities as { pageInfo: { endCursor: string } }).pageInfo.endCursor,
    });
    expect((next.data?.activities as { nodes: unknown[] }).nodes).toHaveLength(3);
  }, 60_000);

  it('refuses every activity rule with its code and writes nothing', async () => {
    const head = await lastCommitted(world.runtime);
    const base = { teamId: t.T1, villageId: v[0]![0], date: d('04-01'), participantIds: [p.L1], figures: [figuresInput(category('E_HEALTH', 2, 1, 1))] };
    expect(await api.refused('logActivity', { ...base, teamId: unknown('Team') })).toBe('TEAM_NOT_FOUND');
    expect(await api.refused('logActivity', { ...base, date: d('01-15') })).toBe('TEAM_NOT_ACTIVE');
    expect(await api.refused('logActivity', { ...base, date: '2099-01-01' })).toBe('DATE_IN_FUTURE');
    expect(await api.refused('logActivity', { ...base, villageId: unknown('Village') })).toBe('VILLAGE_NOT_FOUND');
    expect(await api.refused('logActivity', { ...base, villageId: v[1]![0] })).toBe('VILLAGE_OUTSIDE_COMMUNE');
    expect(await api.refused('logActivity', { ...base, participantIds: [] })).toBe('PARTICIPANTS_REQUIRED');
    expect(await api.refused('logActivity', { ...base, participantIds: [p.L1, p.L1] })).toBe('DUPLICATE_PARTICIPANT');
    expect(await api.refused('logActivity', { ...base, date: d('06-02'), participantIds: [p.M2] })).toBe('PARTICIPANT_NOT_MEMBER');
    expect(await api.refused('logActivity', { ...base, participantIds: [p.L2] })).toBe('PARTICIPANT_NOT_MEMBER');
    expect(await api.refused('logActivity', { ...base, figures: [] })).toBe('FIGURES_REQUIRED');
    expect(await api.refused('logActivity', { ...base, figures: [base.figures[0], base.figures[0]] })).toBe('DUPLICATE_CATEGORY');
    expect(await api.refused('logActivity', { ...base, figures: [figuresInput(category('E_HEALTH', 2, 3, 1))] })).toBe('HOUSEHOLDS_EXCEED_PEOPLE');
    const current = ledger.activities.find((x) => x.id === a.A1)!.figures.map(figuresInput);
    expect(await api.refused('correctActivity', { activityId: a.A1, figures: current })).toBe('FIGURES_UNCHANGED');
    expect(await api.refused('correctActivity', { activityId: a.A1, figures: current, expectedVersion: 0 })).toBe('VERSION_CONFLICT');
    expect(await api.refused('correctActivity', { activityId: a.A2, figures: base.figures })).toBe('ACTIVITY_RETRACTED');
    expect(await api.refused('retractActivity', { activityId: a.A2, reason: 'Lại' })).toBe('ACTIVITY_RETRACTED');
    expect(await api.refused('retractActivity', { activityId: a.A1, reason: ' ' })).toBe('REASON_REQUIRED');
    expect(await api.refused('retractActivity', { activityId: unknown('Activity'), reason: 'x' })).toBe('ACTIVITY_NOT_FOUND');
    expect(await lastCommitted(world.runtime)).toBe(head);
    const negative = await api.raw('logActivity', { ...base, figures: [{ ...base.figures[0], visits: -1 }] });
    expect(negative.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  }, 60_000);

  it('records meetings convened by the leader of the day, with their rules', async () => {
    const meeting = await api.ok('recordMeeting', { teamId: t.T1, date: d('04-01'), attendeeIds: [p.L1, p.M1, p.M2], decisions: ['Chia ca trực hỗ trợ'], initiatives: ['Góc hỗ trợ số tại nhà văn hóa'] });
    expect(meeting.meeting).toMatchObject({ convenedBy: p.L1, attendeeIds: [p.L1, p.M1, p.M2] });
    ledger.meetings.push({ team: t.T1!, commune: c[0]!, date: d('04-01') });
    // A retry with the same idempotency key answers the first payload and writes nothing.
    const keyed = { teamId: t.T2, date: d('05-01'), attendeeIds: [p.L2, p.M3], decisions: [], initiatives: [], idempotencyKey: `fieldwork-${world.year}-${c[1]}` };
    const first = await api.ok('recordMeeting', keyed);
    const written = await lastCommitted(world.runtime);
    expect((await api.ok('recordMeeting', keyed)).meeting?.id).toBe(first.meeting?.id);
    expect(await lastCommitted(world.runtime)).toBe(written);
    ledger.meetings.push({ team: t.T2!, commune: c[1]!, date: d('05-01') });
    const head = await lastCommitted(world.runtime);
    expect(await api.refused('recordMeeting', { teamId: t.T4, date: d('04-01'), attendeeIds: [p.L1], decisions: [], initiatives: [] })).toBe('MEETING_WITHOUT_LEADER');
    expect(await api.refused('recordMeeting', { teamId: t.T1, date: d('04-01'), attendeeIds: [p.L2], decisions: [], initiatives: [] })).toBe('ATTENDEE_NOT_MEMBER');
    expect(await api.refused('recordMeeting', { teamId: t.T1, date: d('04-01'), attendeeIds: [], decisions: [], initiatives: [] })).toBe('ATTENDEES_REQUIRED');
    expect(await api.refused('recordMeeting', { teamId: t.T1, date: d('04-01'), attendeeIds: [p.L1], decisions: [' '], initiatives: [] })).toBe('TEXT_INVALID');
    expect(await api.refused('recordMeeting', { teamId: t.T1, date: d('01-20'), attendeeIds: [p.L1], decisions: [], initiatives: [] })).toBe('TEAM_NOT_ACTIVE');
    expect(await lastCommitted(world.runtime)).toBe(head);
    const listed = await world.gql(`query($f: FieldworkFilter) { meetings(filter: $f) { totalCount nodes { teamId } } }`, { f: { teamId: t.T1 } });
    expect(listed.data?.meetings).toEqual({ totalCount: 1, nodes: [{ teamId: t.T1 }] });
  }, 60_000);

  const unitFigures = async (unit: Unit, period: string): Promise<Figures | null> => {
    if (unit.level === 'TEAM') {
      const team = await world.gql(`query($id: ID!, $p: String!) { team(id: $id) { fieldwork(period: $p) { ${FIELDWORK_FIGURES} } } }`, { id: unit.code, p: period });
      return (team.data?.team as { fieldwork: Figures | null }).fieldwork;
    }
    const query = `query($code: String!, $level: StatisticsLevel!, $asOf: String, $p: String!) {
      unitStatistics(code: $code, level: $level, asOf: $asOf) { fieldwork(period: $p) { ${FIELDWORK_FIGURES} } } }`;
    const answer = await world.gql(query, { code: unit.code, level: unit.level, asOf: d('06-30'), p: period });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return (answer.data?.unitStatistics as { fieldwork: Figures | null }).fieldwork;
  };

  const expectFigures = async (unit: Unit, period: string, from: string, to: string) => {
    const figures = await unitFigures(unit, period);
    const local = unit.level === 'TEAM' ? { ...unit, code: ledger.teams.find((x) => x.id === unit.code)!.id } : unit;
    const expected = ledger.expected(local, from, to);
    const { membersTrainedShare, householdsReachedShare, ...counts } = expected;
    expect(figures).toMatchObject(counts);
    for (const [key, share] of Object.entries({ membersTrainedShare, householdsReachedShare })) {
      if (typeof share === 'number') expect(figures?.[key as keyof Figures]).toBeCloseTo(share, 9);
      else expect(figures?.[key as keyof Figures]).toBeNull();
    }
    const people: Record<string, unknown> = Object.fromEntries(figures!.byCategory.filter((x) => Number(x.peopleGuided) > 0).map((x) => [String(x.category), x.peopleGuided]));
    expect(people).toEqual(ledger.peopleByCategory(local, from, to));
    return figures!;
  };

  it('gives figures per commune, province, nation and team that match the ledger, for a year and a quarter', async () => {
    const year = String(world.year);
    const [from, to] = [d('01-01'), d('12-31')];
    const province = await expectFigures({ level: 'PROVINCE', code: '99' }, year, from, to);
    // The scenario's own hand count, so the ledger itself is checked once.
    expect(province).toMatchObject({ activitiesLogged: 4, activitiesRetracted: 1, activitiesCorrected: 1, membersTrained: 5, members: 7, trainingSessionsHeld: 2, householdsReached: 64, households: 300, peopleGuided: 92 });
    expect(province.measures).toContainEqual({ key: 'PEOPLE_GUIDED.E_PAYMENT', value: 70 });
    expect(province.measures).toContainEqual({ key: 'ACCOUNTS_CREATED', value: 0 });
    await expectFigures({ level: 'NATIONAL', code: 'VN' }, year, from, to);
    for (const commune of c) await expectFigures({ level: 'COMMUNE', code: commune }, year, from, to);
    for (const team of ['T1', 'T2', 'T3', 'T4']) await expectFigures({ level: 'TEAM', code: t[team]! }, year, from, to);
    await expectFigures({ level: 'PROVINCE', code: '99' }, `${year}-Q2`, d('04-01'), d('06-30'));
    await expectFigures({ level: 'TEAM', code: t.T1! }, `${year}-03`, d('03-01'), d('03-31'));
    const bad = await world.gql(`query($id: ID!) { team(id: $id) { fieldwork(period: "${year}-Q5") { period } } }`, { id: t.T1 });
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  }, 60_000);

  it('scopes reads and figures in the data path: another province sees nothing, an auditor everything', async () => {
    const reads = new FieldworkReadService(world.runtime.dataSource);
    const portal = (codes: string[]) => ProvinceScope.of({ clientId: 'p', role: 'PORTAL', provinceCodes: codes });
    const auditor = ProvinceScope.of({ clientId: 'a', role: 'AUDITOR', provinceCodes: [] });
    const local = (id: string | undefined) => fromGlobalId(id!)!.localId;
    const filter = { provinceCode: '99', from: d('01-01'), to: d('12-31') };
    expect((await reads.listActivities(filter, 100, null, portal(['01']))).totalCount).toBe(0);
    expect((await reads.listActivities(filter, 100, null, portal(['99']))).totalCount).toBe(5);
    expect((await reads.listActivities(filter, 100, null, auditor)).totalCount).toBe(5);
    expect(await reads.findActivity(local(a.A1), portal(['01']))).toBeNull();
    expect(await reads.findTraining(local(s.S1), portal(['01']))).toBeNull();
    expect(await reads.findTraining(local(s.S3), portal(['01']))).toMatchObject({ level: 'NATIONAL' });
    expect((await reads.listMeetings({}, 100, null, portal(['01']))).rows.filter((m) => m.province_code === '99')).toEqual([]);

    // The contract reporting builds on, as the module provides it.
    const figures = world.app.get<FieldworkFigures>(FIGURES_TOKEN);
    const year = parsePeriod(String(world.year))!;
    const province = { level: 'PROVINCE' as const, code: '99' };
    expect(await figures.measures(province, year, portal(['01']))).toBeNull();
    expect(await figures.measures({ level: 'NATIONAL', code: 'VN' }, year, portal(['99']))).toBeNull();
    expect(await figures.measures({ level: 'TEAM', code: local(t.T1) }, year, portal(['01']))).toBeNull();
    expect(await figures.measures({ level: 'COMMUNE', code: '00000' }, year, auditor)).toBeNull();
    const measures = await figures.measures(province, year, portal(['99']));
    const expected = ledger.expected(province, year.from, year.to);
    expect(measures?.get('ACTIVITIES_LOGGED')).toBe(expected.activitiesLogged);
    expect(measures?.get('HOUSEHOLDS_REACHED')).toBe(expected.householdsReached);
    expect(measures?.get('MEMBERS_TRAINED')).toBe(expected.membersTrained);
    expect(measures?.get('PEOPLE_GUIDED.E_PAYMENT')).toBe(ledger.peopleByCategory(province, year.from, year.to).E_PAYMENT);
    expect(measures?.get('VISITS.OTHER')).toBe(0);
  }, 60_000);

  it('answers portals and auditors over HTTP with tokens: other provinces look unknown, auditors never write', async () => {
    const h = await openSecurityHarness();
    try {
      const admin = await h.token(h.admin.clientId, h.admin.secret);
      const client = async (name: string, role: string, provinceCodes: string[]) => {
        const answer = await h.graphql(REGISTER, admin, { input: { name, role, provinceCodes } });
        const registered = (answer.body.data as { registerApiClient: { apiClient: { clientId: string }; clientSecret: string } }).registerApiClient;
        return h.token(registered.apiClient.clientId, registered.clientSecret);
      };
      const [other, own, auditor] = [await client('Cổng 01', 'PORTAL', ['01']), await client('Cổng 99', 'PORTAL', ['99']), await client('Kiểm toán', 'AUDITOR', [])];
      const reads = `query($a: ID!, $t: ID!, $s: ID!, $f: FieldworkFilter) { activity(id: $a) { id } training(id: $s) { id }
        team(id: $t) { fieldwork(period: "${world.year}") { activitiesLogged } } activities(filter: $f) { totalCount } }`;
      const variables = { a: a.A1, t: t.T1, s: s.S1, f: { provinceCode: '99' } };
      expect((await h.graphql(reads, other, variables)).body.data).toEqual({ activity: null, training: null, team: null, activities: { totalCount: 0 } });
      const logged = ledger.expected({ level: 'TEAM', code: t.T1! }, d('01-01'), d('12-31')).activitiesLogged;
      expect((await h.graphql(reads, own, variables)).body.data).toEqual({ activity: { id: a.A1 }, training: { id: s.S1 }, team: { fieldwork: { activitiesLogged: logged } }, activities: { totalCount: 5 } });
      expect((await h.graphql(reads, auditor, variables)).body.data).toMatchObject({ activities: { totalCount: 5 } });
      const retract = `mutation($input: RetractActivityInput!) { retractActivity(input: $input) { activity { id } version userErrors { code } } }`;
      const refused = await h.graphql(retract, other, { input: { activityId: a.A1, reason: 'Thử', expectedVersion: 5 } });
      expect(refused.body.data).toEqual({ retractActivity: { activity: null, version: null, userErrors: [{ code: 'ACTIVITY_NOT_FOUND' }] } });
      const forbidden = await h.graphql(retract, auditor, { input: { activityId: a.A1, reason: 'Thử' } });
      expect(forbidden.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      const national = `mutation($input: ScheduleTrainingInput!) { scheduleTraining(input: $input) { training { id } userErrors { code } } }`;
      const portalNational = await h.graphql(national, own, { input: schedule('NATIONAL', d('07-01')) });
      expect(portalNational.body.data).toEqual({ scheduleTraining: { training: null, userErrors: [{ code: 'NATIONAL_TRAINING_ADMIN_ONLY' }] } });
    } finally {
      await h.close();
    }
  }, 120_000);
});
