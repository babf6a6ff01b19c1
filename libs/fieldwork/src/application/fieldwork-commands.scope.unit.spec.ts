import { InMemoryEventStore, uuidv7Generator } from '@cdtt/event-sourcing';
import { ProvinceScope, type ActorRole } from '@cdtt/platform';
import type { TeamFacts } from '../domain/team-facts';
import { ActivityCommandService } from './activity-commands.service';
import type { Caller, CommandResult } from './command-execution';
import type { FieldworkFacts } from './fieldwork.ports';
import { TrainingCommandService } from './training-commands.service';

const TEAM = '0190aaaa-0000-7000-8000-000000000001';
const LEADER = '0190aaaa-0000-7000-8000-000000000002';

/** Geography and teams of province 42 only; like the SQL adapter, invisible means unknown. */
const facts: FieldworkFacts = {
  team: (teamId, _date, scope): Promise<TeamFacts> =>
    Promise.resolve(
      teamId === TEAM && scope.canSee('42')
        ? { found: true, communeCode: '42001', succeededCommunes: new Set<string>(), provinceCode: '42', activeOnDate: true, membersOnDate: new Set([LEADER]), leaderOnDate: LEADER }
        : { found: false, communeCode: '', succeededCommunes: new Set<string>(), provinceCode: null, activeOnDate: false, membersOnDate: new Set(), leaderOnDate: null },
    ),
  village: (_id, _date, scope) => Promise.resolve({ found: scope.canSee('42'), communeCode: '42001', activeOnDate: true }),
  persons: (ids) => Promise.resolve(new Map(ids.map((id) => [id, 'REGISTERED' as const]))),
  unit: (_level, code, _date, scope) => Promise.resolve(code.startsWith('42') && scope.canSee('42') ? { inForce: true, provinceCode: '42' } : { inForce: false, provinceCode: null }),
};

const caller = (role: ActorRole, provinceCodes: string[] = []): Caller => ({
  actor: { clientId: role, role },
  scope: ProvinceScope.of({ clientId: role, role, provinceCodes }),
  correlationId: 'c-1',
  today: '2025-10-01',
});
const admin = caller('ADMIN');
const code = (result: CommandResult): string | null => (result.ok ? null : result.error.code);
const idOf = (result: CommandResult): string => {
  if (!result.ok) throw new Error(result.error.code);
  return result.id;
};
const session = { title: 'Tập huấn', organiserKind: 'YOUTH_UNION' as const, organiserName: 'Tỉnh đoàn', mode: 'ONLINE' as const, heldOn: '2025-09-01', topics: ['VNEID' as const] };
const figures = [{ category: 'VNEID' as const, peopleGuided: 3, householdsGuided: 2, visits: 1, outcomes: {} }];

function services() {
  const store = new InMemoryEventStore();
  return { store, trainings: new TrainingCommandService(store, uuidv7Generator, facts), activities: new ActivityCommandService(store, uuidv7Generator, facts) };
}

describe('field-work commands in a caller scope (everything is in province 42)', () => {
  it("answers another province's portal exactly as for unknown records, version included", async () => {
    const { store, trainings, activities } = services();
    const other = caller('PORTAL', ['01']);
    const provincial = { ...session, level: 'PROVINCE' as const, provinceCode: '42', communeCode: null };
    expect(code(await trainings.schedule(provincial, other))).toBe('PROVINCE_NOT_IN_FORCE');
    expect(code(await trainings.schedule({ ...provincial, level: 'COMMUNE', provinceCode: null, communeCode: '42001' }, other))).toBe('COMMUNE_NOT_IN_FORCE');
    const trainingId = idOf(await trainings.schedule(provincial, admin));
    const attend = { type: 'RecordTrainingAttendance' as const, personIds: [LEADER] };
    expect(code(await trainings.change(trainingId, attend, other))).toBe('TRAINING_NOT_FOUND');
    expect(code(await trainings.change(trainingId, attend, { ...other, expectedVersion: 9 }))).toBe('TRAINING_NOT_FOUND');
    const log = { teamId: TEAM, villageId: 'v-1', date: '2025-09-02', participantIds: [LEADER], figures };
    expect(code(await activities.log(log, other))).toBe('TEAM_NOT_FOUND');
    expect(code(await activities.recordMeeting({ teamId: TEAM, date: '2025-09-02', attendeeIds: [LEADER], decisions: [], initiatives: [] }, other))).toBe('TEAM_NOT_FOUND');
    const activityId = idOf(await activities.log(log, admin));
    const retract = { type: 'RetractActivity' as const, reason: 'Trùng' };
    expect(code(await activities.change(activityId, retract, { ...other, expectedVersion: 0 }))).toBe('ACTIVITY_NOT_FOUND');
    expect((await store.readAll()).map((e) => e.type)).toEqual(['TrainingScheduled', 'ActivityLogged']);
    const own = caller('PORTAL', ['42']);
    expect(code(await trainings.change(trainingId, attend, own))).toBeNull();
    expect(code(await activities.change(activityId, retract, own))).toBeNull();
  });

  it('keeps NATIONAL sessions to unrestricted callers', async () => {
    const { trainings } = services();
    const national = { ...session, level: 'NATIONAL' as const, provinceCode: null, communeCode: null };
    const portal = caller('PORTAL', ['42']);
    expect(code(await trainings.schedule(national, portal))).toBe('NATIONAL_TRAINING_ADMIN_ONLY');
    const trainingId = idOf(await trainings.schedule(national, admin));
    expect(code(await trainings.change(trainingId, { type: 'CancelTraining', reason: 'Hoãn' }, portal))).toBe('NATIONAL_TRAINING_ADMIN_ONLY');
    expect(code(await trainings.change(trainingId, { type: 'CancelTraining', reason: 'Hoãn' }, admin))).toBeNull();
  });

  it('refuses every write of an auditor with a top-level FORBIDDEN', async () => {
    const { store, trainings, activities } = services();
    const trainingId = idOf(await trainings.schedule({ ...session, level: 'NATIONAL', provinceCode: null, communeCode: null }, admin));
    const auditor = caller('AUDITOR');
    const forbidden = expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }) as Error;
    await expect(trainings.schedule({ ...session, level: 'NATIONAL', provinceCode: null, communeCode: null }, auditor)).rejects.toEqual(forbidden);
    await expect(trainings.change(trainingId, { type: 'CompleteTraining' }, auditor)).rejects.toEqual(forbidden);
    await expect(activities.log({ teamId: TEAM, villageId: 'v', date: '2025-09-02', participantIds: [LEADER], figures }, auditor)).rejects.toEqual(forbidden);
    await expect(activities.change(trainingId, { type: 'RetractActivity', reason: 'x' }, auditor)).rejects.toEqual(forbidden);
    await expect(activities.recordMeeting({ teamId: TEAM, date: '2025-09-02', attendeeIds: [LEADER], decisions: [], initiatives: [] }, auditor)).rejects.toEqual(forbidden);
    expect((await store.readAll()).length).toBe(1);
  });
});
