import { randomBytes } from 'node:crypto';
import { InMemoryEventStore, uuidv7Generator } from '@cdtt/event-sourcing';
import { ProvinceScope } from '@cdtt/platform';
import type { VillageFact } from '../domain/team.commands';
import type { PersonalDataKeys } from '../personal-data/personal-data-keys.repository';
import { PersonalDataVault } from '../personal-data/personal-data.vault';
import type { Caller } from './command-execution';
import { PersonCommandService } from './person-commands.service';
import { StaticTeamPolicies } from './team-policies';
import { TeamCommandService } from './team-commands.service';
import type { GeographyFacts, TeamCoverageReader } from './teams.ports';

const caller: Caller = { actor: { clientId: 'unit', role: 'ADMIN' }, scope: ProvinceScope.UNRESTRICTED, correlationId: 'c-1' };

/** In-memory stand-ins for the SQL adapters: the services' own logic under test. */
function services(overrides: Record<string, object> = {}) {
  const store = new InMemoryEventStore();
  const keys = new Map<string, string | null>();
  const destroyed: string[] = [];
  const repository = {
    createOrFind: (id: string, wrapped: string) => Promise.resolve(keys.has(id) ? keys.get(id) : keys.set(id, wrapped).get(id)),
    find: (ids: readonly string[]) => Promise.resolve(new Map(ids.filter((id) => keys.has(id)).map((id) => [id, keys.get(id) ?? null]))),
    destroy: (id: string) => Promise.resolve(void destroyed.push(id)),
  } satisfies PersonalDataKeys;
  const villages: VillageFact[] = [{ id: 'v1', communeCode: '00004', active: true }];
  const geography: GeographyFacts = {
    communeInForce: () => Promise.resolve(true),
    villages: (ids) => Promise.resolve(villages.filter((v) => ids.includes(v.id))),
    provinceOfCommune: () => Promise.resolve('42'),
  };
  const coverage: TeamCoverageReader = { villagesServedByOtherTeams: () => Promise.resolve(['v1']) };
  const people = new PersonCommandService(store, uuidv7Generator, new PersonalDataVault(randomBytes(32), repository));
  const policies = new StaticTeamPolicies(overrides);
  return { store, keys, destroyed, people, teams: new TeamCommandService(store, uuidv7Generator, geography, coverage, policies, people) };
}

const establish = {
  communeCode: '00004',
  villageIds: ['v1'],
  name: 'Tổ 1',
  level: 'VILLAGE' as const,
  decision: { number: '1/QĐ', date: '2025-08-01', issuingCommuneCode: '00004', signerName: 'A', signerTitle: 'Chủ tịch' },
  effectiveDate: '2025-08-02',
};
const person = { fullName: 'Ngô Thị Tư', phone: null, birthYear: null, gender: null, youthUnionSince: null, youthUnionUntil: null };
const code = (result: { ok: boolean; error?: { code: string } }): string | null => (result.ok ? null : (result.error?.code ?? null));

describe('TeamCommandService', () => {
  it('passes the province policy of the commune into the decider', async () => {
    expect(code(await services().teams.establishTeam(establish, caller))).toBe('VILLAGE_ALREADY_SERVED');
    const relaxed = services({ '42': { oneVillageTeamPerVillage: false } });
    const result = await relaxed.teams.establishTeam(establish, caller);
    expect(result.ok).toBe(true);
    const [event] = await relaxed.store.readAll();
    expect(event?.metadata).toMatchObject({ actor: caller.actor, correlationId: 'c-1', effectiveAt: '2025-08-01T17:00:00.000Z' });
  });

  it('registers no person when the join itself is refused', async () => {
    const s = services({ '42': { oneVillageTeamPerVillage: false } });
    const team = await s.teams.establishTeam(establish, caller);
    if (!team.ok) throw new Error('setup');
    const refused = await s.teams.addTeamMember({ teamId: team.id, personId: null, person, role: 'MEMBER', effectiveDate: '2025-08-02', decisionRef: null }, caller);
    expect(code(refused)).toBe('FIRST_MEMBER_MUST_BE_LEADER');
    expect((await s.store.readAll()).map((e) => e.type)).toEqual(['TeamEstablished']);
    expect(s.keys.size).toBe(0);
  });

  it('reports a stale expectedVersion as VERSION_CONFLICT and appends nothing', async () => {
    const s = services({ '42': { oneVillageTeamPerVillage: false } });
    const team = await s.teams.establishTeam(establish, caller);
    if (!team.ok) throw new Error('setup');
    const joined = await s.teams.addTeamMember({ teamId: team.id, personId: null, person, role: 'LEADER', effectiveDate: '2025-08-02', decisionRef: null }, caller);
    expect(joined.ok && joined.version).toBe(1);
    const stale = await s.teams.changeTeam(team.id, { type: 'RenameTeam', name: 'Tổ 2', effectiveDate: '2025-09-01', decisionRef: null }, { ...caller, expectedVersion: 0 });
    expect(code(stale)).toBe('VERSION_CONFLICT');
    expect((await s.store.readStream(`team-${team.id}`)).length).toBe(2);
  });

  it('refuses unknown and forgotten persons, and forgets only known ones', async () => {
    const s = services({ '42': { oneVillageTeamPerVillage: false } });
    const team = await s.teams.establishTeam(establish, caller);
    if (!team.ok) throw new Error('setup');
    const unknown = await s.teams.addTeamMember({ teamId: team.id, personId: '0190aaaa-0000-7000-8000-000000000000', person: null, role: 'LEADER', effectiveDate: '2025-08-02', decisionRef: null }, caller);
    expect(code(unknown)).toBe('PERSON_NOT_FOUND');
    expect(code(await s.people.forgetPerson('0190aaaa-0000-7000-8000-000000000000', '2026-01-01', caller))).toBe('PERSON_NOT_FOUND');
    expect(s.destroyed).toEqual([]);
    const registered = await s.people.registerPerson(person, '2025-08-02', caller);
    if (!registered.ok) throw new Error('setup');
    expect((await s.people.forgetPerson(registered.id, '2026-01-01', caller)).ok).toBe(true);
    expect(s.destroyed).toEqual([registered.id]);
    const forgotten = await s.teams.addTeamMember({ teamId: team.id, personId: registered.id, person: null, role: 'LEADER', effectiveDate: '2025-08-02', decisionRef: null }, caller);
    expect(code(forgotten)).toBe('PERSON_FORGOTTEN');
  });
});

describe('TeamCommandService in a caller scope (the commune is in province 42)', () => {
  const scoped = (role: 'PORTAL' | 'AUDITOR', provinceCodes: string[]): Caller => ({
    ...caller,
    actor: { clientId: 'scoped', role },
    scope: ProvinceScope.of({ clientId: 'scoped', role, provinceCodes }),
  });
  const rename = { type: 'RenameTeam' as const, name: 'Tổ 2', effectiveDate: '2025-09-01', decisionRef: null };

  it("answers another province's portal exactly as for an unknown team or commune, version included", async () => {
    const s = services({ '42': { oneVillageTeamPerVillage: false } });
    const team = await s.teams.establishTeam(establish, caller);
    if (!team.ok) throw new Error('setup');
    const other = scoped('PORTAL', ['01']);
    expect(code(await s.teams.establishTeam(establish, other))).toBe('ISSUER_NOT_IN_FORCE');
    expect(code(await s.teams.changeTeam(team.id, rename, other))).toBe('TEAM_NOT_FOUND');
    expect(code(await s.teams.changeTeam(team.id, rename, { ...other, expectedVersion: 7 }))).toBe('TEAM_NOT_FOUND');
    const join = { teamId: team.id, personId: null, person, role: 'LEADER' as const, effectiveDate: '2025-08-02', decisionRef: null };
    expect(code(await s.teams.addTeamMember(join, other))).toBe('TEAM_NOT_FOUND');
    expect(s.keys.size).toBe(0);
    expect((await s.store.readAll()).map((e) => e.type)).toEqual(['TeamEstablished']);
    expect((await s.teams.changeTeam(team.id, rename, scoped('PORTAL', ['42']))).ok).toBe(true);
  });

  it('refuses every write of an auditor with a top-level FORBIDDEN', async () => {
    const s = services({ '42': { oneVillageTeamPerVillage: false } });
    const team = await s.teams.establishTeam(establish, caller);
    if (!team.ok) throw new Error('setup');
    const auditor = scoped('AUDITOR', []);
    const forbidden = expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }) as Error;
    await expect(s.teams.establishTeam(establish, auditor)).rejects.toEqual(forbidden);
    await expect(s.teams.changeTeam(team.id, rename, auditor)).rejects.toEqual(forbidden);
    const join = { teamId: team.id, personId: null, person, role: 'LEADER' as const, effectiveDate: '2025-08-02', decisionRef: null };
    await expect(s.teams.addTeamMember(join, auditor)).rejects.toEqual(forbidden);
    expect((await s.store.readAll()).length).toBe(1);
  });
});
