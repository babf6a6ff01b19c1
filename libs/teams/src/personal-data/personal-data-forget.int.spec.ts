import { PostgresEventStore } from '@cdtt/event-store-postgres';
import { fold, uuidv7Generator } from '@cdtt/event-sourcing';
import { poolOf, ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { personDecider } from '../domain/person.decider';
import { teamDecider } from '../domain/team.decider';
import { buildScenario } from '../testing/teams-scenario';
import { caller, openTeamsTestDatabase, TeamsWorld } from '../testing/teams-world';

/** Crypto-shredding end to end, on the PostgreSQL event store. */
describe('personal data and forgetPerson', () => {
  let dataSource: DataSource;
  let world: TeamsWorld;
  let s: Awaited<ReturnType<typeof buildScenario>>;
  const eventsText = async (): Promise<string> => {
    const rows = await dataSource.query<Array<{ t: string }>>(
      'SELECT data::text || metadata::text AS t FROM event_store.events WHERE stream_name = ANY($1)',
      [[...world.streams.keys()]],
    );
    return rows.map((row) => row.t).join('\n');
  };

  beforeAll(async () => {
    dataSource = await openTeamsTestDatabase();
    world = await TeamsWorld.create(dataSource, new PostgresEventStore(poolOf(dataSource), { notifications: 'poll' }), [1925, 1950]);
    s = await buildScenario(world);
  }, 60_000);
  afterAll(async () => {
    await world.cleanup();
    await dataSource.destroy();
  });

  it('never writes personal fields in the clear, from the first event on', async () => {
    const text = await eventsText();
    expect(text).toContain('A256GCM');
    // Phones in the scenario all start 0977777; no personal field name appears either.
    for (const plain of ['Nguyễn Thị Một', 'Trần Văn Hai', 'Nguyễn', '0977777', 'birthYear', 'FEMALE']) expect(text).not.toContain(plain);
    const people = await dataSource.query<Array<{ t: string }>>('SELECT personal_data::text AS t FROM people_v1 WHERE person_id = $1', [s.people.p1]);
    expect(people[0]?.t).not.toContain('Nguyễn');
  });

  it('erases a person: reads say [erased], history replays, statistics do not move', async () => {
    const date = world.date('08-01');
    const before = await world.statistics.unitStatistics(world.provinceCode, 'PROVINCE', date, ProvinceScope.UNRESTRICTED);
    const result = await world.people.forgetPerson(s.people.p1, '2026-01-01', caller);
    expect(result.ok).toBe(true);
    await world.sync();

    const members = await world.reads.currentMembers(s.teams.a, ProvinceScope.UNRESTRICTED);
    expect(members.find((m) => m.personId === s.people.p1)).toMatchObject({ fullName: '[erased]', phone: '[erased]', erased: true, role: 'LEADER' });
    expect(members.find((m) => m.personId === s.people.p2)).toMatchObject({ fullName: 'Trần Văn Hai', erased: false });
    expect(await world.statistics.unitStatistics(world.provinceCode, 'PROVINCE', date, ProvinceScope.UNRESTRICTED)).toEqual(before);

    const keys = await dataSource.query<Array<{ wrapped_key: string | null; destroyed_at: Date | null }>>(
      'SELECT wrapped_key, destroyed_at FROM personal_data_keys WHERE person_id = $1',
      [s.people.p1],
    );
    expect(keys[0]?.wrapped_key).toBeNull();
    expect(keys[0]?.destroyed_at).not.toBeNull();

    // The events are untouched and still fold; the sealed blob can no longer be opened by anyone.
    const person = await world.store.readStream(`person-${s.people.p1}`);
    expect(fold(personDecider, person as never).status).toBe('FORGOTTEN');
    expect(fold(teamDecider, (await world.store.readStream(`team-${s.teams.a}`)) as never).members.size).toBe(2);
    expect(await world.vault.open([{ personId: s.people.p1, personal: null }])).toEqual(new Map([[s.people.p1, null]]));
    expect(await eventsText()).not.toContain('Nguyễn Thị Một');
  });

  it('refuses to forget twice, or to add a forgotten person to a team', async () => {
    const again = await world.people.forgetPerson(s.people.p1, '2026-01-02', caller);
    expect(again.ok ? null : again.error.code).toBe('PERSON_FORGOTTEN');
    const join = await world.teams.addTeamMember(
      { teamId: s.teams.c, personId: s.people.p1, person: null, role: 'MEMBER', effectiveDate: world.date('09-01'), decisionRef: null },
      caller,
    );
    expect(join.ok ? null : join.error.code).toBe('PERSON_FORGOTTEN');
  });

  it('seals with one key per person: created on first use, kept after, refused once destroyed', async () => {
    const personId = uuidv7Generator.next();
    const fields = { fullName: 'Lê Thị Bốn', phone: null, birthYear: 1990, gender: 'FEMALE' as const };
    const storedKey = async () => (await dataSource.query<Array<{ wrapped_key: string | null }>>('SELECT wrapped_key FROM personal_data_keys WHERE person_id = $1', [personId]))[0]?.wrapped_key;
    const first = await world.vault.seal(personId, fields);
    const key = await storedKey();
    expect(key).toEqual(expect.any(String));
    // A second seal offers a fresh key, but the stored one stays and opens both blobs.
    const second = await world.vault.seal(personId, { ...fields, phone: '0912345678' });
    expect(await storedKey()).toBe(key);
    expect((await world.vault.open([{ personId, personal: first }])).get(personId)).toEqual(fields);
    expect((await world.vault.open([{ personId, personal: second }])).get(personId)).toEqual({ ...fields, phone: '0912345678' });
    await world.vault.forget(personId);
    await expect(world.vault.seal(personId, fields)).rejects.toThrow('was destroyed');
    expect(await storedKey()).toBeNull();
  });
});
