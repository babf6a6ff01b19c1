import { randomBytes, randomUUID } from 'node:crypto';
import { GEOGRAPHY_PROJECTIONS, GeographyReadService, VILLAGES_PROJECTION } from '@cdtt/geography';
import { ProvinceScope } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { StatisticsCache } from './statistics-cache';
import { TeamReadService } from './team-read.service';
import { TeamStatisticsService } from './team-statistics.service';
import { buildScenario } from '../testing/teams-scenario';
import { openTeamsTestDatabase, TeamsWorld } from '../testing/teams-world';

type Scenario = Awaited<ReturnType<typeof buildScenario>>;

/** Expected figures, counted by hand from the scenario (teams-scenario.ts), not by the SQL. */
const april = {
  activeTeams: 4, villages: 6, villagesCovered: 6, coverageRatio: 1, communesAtFullCoverage: 3,
  members: 6, leaders: 4, youthUnionMembers: 3, youthUnionShare: 0.5, teamsWithoutYouthUnionMember: 1,
};
const august = {
  activeTeams: 3, villages: 6, villagesCovered: 5, coverageRatio: 5 / 6, communesAtFullCoverage: 1,
  members: 4, leaders: 3, youthUnionMembers: 2, youthUnionShare: 0.5, teamsWithoutYouthUnionMember: 0,
};

describe('teams_v1 read models and statistics', () => {
  let dataSource: DataSource;
  let world: TeamsWorld;
  let s: Scenario;

  beforeAll(async () => {
    dataSource = await openTeamsTestDatabase();
    world = await TeamsWorld.create(dataSource);
    s = await buildScenario(world);
  }, 60_000);
  afterAll(async () => {
    await world.cleanup();
    await dataSource.destroy();
  });

  it('rebuilds a roster for any past date from dated membership rows', async () => {
    const rows = await dataSource.query<Array<{ person_id: string; role: string; valid_from: string; valid_to: string | null }>>(
      `SELECT person_id, role, valid_from::text, valid_to::text FROM team_memberships_v1 WHERE team_id = $1 ORDER BY valid_from, role`,
      [s.teams.c],
    );
    const d = (md: string) => world.date(md);
    expect(rows).toEqual([
      { person_id: s.people.p4, role: 'LEADER', valid_from: d('02-15'), valid_to: d('06-01') },
      { person_id: s.people.p5, role: 'DEPUTY', valid_from: d('03-01'), valid_to: d('06-01') },
      { person_id: s.people.p5, role: 'LEADER', valid_from: d('06-01'), valid_to: null },
      { person_id: s.people.p4, role: 'MEMBER', valid_from: d('06-01'), valid_to: d('07-01') },
    ]);
  });

  it('keeps teams with province, status, version and the Youth Union flag', async () => {
    const a = await world.reads.findTeam(s.teams.a, ProvinceScope.UNRESTRICTED);
    expect(a).toMatchObject({ province_code: world.provinceCode, status: 'ACTIVE', version: 2, has_youth_union_member: true });
    expect(await world.reads.findTeam(s.teams.d, ProvinceScope.UNRESTRICTED)).toMatchObject({ status: 'DISSOLVED', dissolved_on: world.date('05-01') });
    // Team C's only Youth Union member (p4) left; p5's membership is open-ended: flagged true.
    expect((await world.reads.findTeam(s.teams.c, ProvinceScope.UNRESTRICTED))?.has_youth_union_member).toBe(true);
    expect((await world.reads.findTeam(s.teams.b, ProvinceScope.UNRESTRICTED))?.has_youth_union_member).toBe(true);
    expect(await world.reads.currentMembers(s.teams.d, ProvinceScope.UNRESTRICTED)).toEqual([]);
    const members = await world.reads.currentMembers(s.teams.a, ProvinceScope.UNRESTRICTED);
    expect(members.map((m) => [m.role, m.fullName])).toEqual([['LEADER', 'Nguyễn Thị Một'], ['MEMBER', 'Trần Văn Hai']]);
    expect((await world.reads.currentVillages(s.teams.a, ProvinceScope.UNRESTRICTED)).map((v) => v.villageId).sort()).toEqual([s.villages[0], s.villages[1]].sort());
  });

  it('reads a team with its members and villages in one statement, the same as read apart, and only what is asked', async () => {
    const scope = ProvinceScope.UNRESTRICTED;
    // The villages come as geography's records: the world's village events into its read model, as the projector would.
    const villagesProjection = GEOGRAPHY_PROJECTIONS.find((p) => p.name === VILLAGES_PROJECTION)!;
    const villageEvents = (await Promise.all([...world.streams.keys()].filter((n) => n.startsWith('village-')).map((n) => world.store.readStream(n)))).flat();
    await dataSource.transaction(async (manager) => {
      for (const event of villageEvents) if (villagesProjection.eventTypes.includes(event.type)) await villagesProjection.apply(event, manager);
    });
    const ids = (await world.reads.currentVillages(s.teams.a, scope)).map((v) => v.villageId);
    const both = await world.reads.findTeamWith(s.teams.a, scope, { members: true, villages: true });
    expect(both).toEqual({
      row: await world.reads.findTeam(s.teams.a, scope),
      members: await world.reads.currentMembers(s.teams.a, scope),
      villages: await new GeographyReadService(dataSource).findVillages(ids, scope),
    });
    expect(both?.villages?.map((v) => v.id)).toEqual([s.villages[0], s.villages[1]].sort());
    expect(both?.villages?.[0]).toMatchObject({ communeCode: expect.any(String) as unknown, kind: 'THON', status: 'ACTIVE', households: null, version: expect.any(Number) as unknown });
    expect(both?.members?.map((m) => m.role)).toEqual(['LEADER', 'MEMBER']);
    expect(await world.reads.findTeamWith(s.teams.a, scope, { members: false, villages: false })).toEqual({ row: both?.row });
    // Outside the caller's provinces the team is absent, with its roster.
    expect(await world.reads.findTeamWith(s.teams.a, ProvinceScope.of({ clientId: 'portal-00', role: 'PORTAL', provinceCodes: ['00'] }), { members: true, villages: true })).toBeNull();
  });

  it('lists teams by filter and order, page by page', async () => {
    const filter = { communeCode: s.communes.c1 };
    const order = { field: 'ESTABLISHED_ON', direction: 'DESC' } as const;
    const first = await world.reads.listTeams(filter, order, 2, null, ProvinceScope.UNRESTRICTED);
    expect(first.totalCount).toBe(2);
    expect(first.rows.map((t) => t.id)).toEqual([s.teams.b, s.teams.a]);
    const last = first.rows[0]!;
    const next = await world.reads.listTeams(filter, order, 2, [last.established_on, last.id], ProvinceScope.UNRESTRICTED);
    expect(next.rows.map((t) => t.id)).toEqual([s.teams.a]);
    // The count is of the filter, not of the page: on a later page, and past the end (no row to carry it).
    expect(next.totalCount).toBe(2);
    const end = next.rows[0]!;
    expect(await world.reads.listTeams(filter, order, 2, [end.established_on, end.id], ProvinceScope.UNRESTRICTED)).toEqual({ rows: [], totalCount: 2 });
    const dissolved = await world.reads.listTeams({ communeCode: s.communes.c3, status: 'DISSOLVED' }, order, 10, null, ProvinceScope.UNRESTRICTED);
    expect(dissolved.rows.map((t) => t.id)).toEqual([s.teams.d]);
    const flagged = await world.reads.listTeams({ ...filter, hasYouthUnionMember: false }, order, 10, null, ProvinceScope.UNRESTRICTED);
    expect(flagged.totalCount).toBe(0);
  });

  it('remembers the count of a filter per version of the teams read models, and counts again once the checkpoint moves', async () => {
    const projection = `t${randomBytes(4).toString('hex')}_teams_v1`;
    // A code no real or reserved commune has (reserved test codes are digits): no other suite's teams count here.
    const commune = `k${randomBytes(3).toString('hex')}`;
    const reads = new TeamReadService(dataSource, world.vault, new StatisticsCache(dataSource, { projection }));
    const moveCheckpoint = (position: number) =>
      dataSource.query(
        `INSERT INTO projection_checkpoints AS c (name, position, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now(),
         events_applied = c.events_applied + 1, data_changed_at = clock_timestamp()`,
        [projection, `00000000000000000001-${String(position).padStart(19, '0')}`],
      );
    // A team row as a projection batch would write it (two, so a one-row page still has a next).
    const insertTeam = () =>
      dataSource.query(
        `INSERT INTO teams_v1 (id, name, level, commune_code, province_code, status, established_on, decision_number, decision_date,
           decision_issuing_commune_code, decision_signer_name, decision_signer_title, version, visible_province_codes)
         VALUES ($1, 'Tổ đếm', 'VILLAGE', $2, '98', 'ACTIVE', '1990-01-01', '1/QĐ', '1990-01-01', $2, 'A', 'B', 1, '{98}')`,
        [randomUUID(), commune],
      );
    const order = { field: 'NAME', direction: 'ASC' } as const;
    const count = async () => (await reads.listTeams({ communeCode: commune }, order, 1, null, ProvinceScope.UNRESTRICTED)).totalCount;
    try {
      await insertTeam();
      await moveCheckpoint(1);
      expect(await count()).toBe(1);
      // Rows written without the checkpoint moving (no projection does that) show the count is remembered...
      await insertTeam();
      expect(await count()).toBe(1);
      // ...for exactly as long as the version stays: the batch that wrote them moves it.
      await moveCheckpoint(2);
      expect(await count()).toBe(2);
    } finally {
      await dataSource.query('DELETE FROM teams_v1 WHERE commune_code = $1', [commune]);
      await dataSource.query('DELETE FROM teams_v1_history WHERE commune_code = $1', [commune]);
      await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection]);
    }
  });

  it("lists one province's teams in order, those it shares with another province (held for a choice) merged in, page by page", async () => {
    const tag = randomBytes(3).toString('hex');
    const [p, q, commune] = [`p${tag}`, `q${tag}`, `c${tag}`];
    // Names and dates interleave the teams visible in P alone with those P shares with Q (the two
    // parts of the split page statement), and a team of Q alone that P must never see.
    const teams = [
      { name: 'Tổ 1', visible: [p], on: '2023-01-05' },
      { name: 'Tổ 2', visible: [p, q], on: '2023-01-04' },
      { name: 'Tổ 3', visible: [p], on: '2023-01-03' },
      { name: 'Tổ 4', visible: [q, p], on: '2023-01-02' },
      { name: 'Tổ 5', visible: [p], on: '2023-01-01' },
      { name: 'Tổ 3b', visible: [q], on: '2023-01-03' },
    ].map((team) => ({ ...team, id: randomUUID() }));
    const idOf = (name: string) => teams.find((team) => team.name === name)!.id;
    for (const team of teams) {
      await dataSource.query(
        `INSERT INTO teams_v1 (id, name, level, commune_code, province_code, status, established_on, decision_number, decision_date,
           decision_issuing_commune_code, decision_signer_name, decision_signer_title, version, visible_province_codes)
         VALUES ($1, $2, 'VILLAGE', $3, $4, 'ACTIVE', $5, '1/QĐ', $5, $3, 'A', 'B', 1, $6)`,
        [team.id, team.name, commune, team.visible.length === 1 ? team.visible[0] : null, team.on, team.visible],
      );
    }
    const portal = (code: string) => ProvinceScope.of({ clientId: `portal-${code}`, role: 'PORTAL', provinceCodes: [code] });
    const all = async (filter: { provinceCode?: string }, order: { field: 'NAME' | 'ESTABLISHED_ON'; direction: 'ASC' | 'DESC' }, scope: ProvinceScope, count: number) => {
      const seen: string[] = [];
      let after: [string, string] | null = null;
      for (;;) {
        const page = await world.reads.listTeams(filter, order, 2, after, scope);
        seen.push(...page.rows.map((row) => row.id));
        expect(page.totalCount).toBe(count);
        const last = page.rows.at(-1);
        if (!last || page.rows.length < 2) return seen;
        after = [order.field === 'NAME' ? last.name : last.established_on, last.id];
      }
    };
    try {
      const byName = ['Tổ 1', 'Tổ 2', 'Tổ 3', 'Tổ 4', 'Tổ 5'].map(idOf);
      expect(await all({ provinceCode: p }, { field: 'NAME', direction: 'ASC' }, ProvinceScope.UNRESTRICTED, 5)).toEqual(byName);
      expect(await all({ provinceCode: p }, { field: 'NAME', direction: 'DESC' }, ProvinceScope.UNRESTRICTED, 5)).toEqual([...byName].reverse());
      // A portal of one province without a filter reads the same split; established_on orders too.
      expect(await all({}, { field: 'ESTABLISHED_ON', direction: 'DESC' }, portal(p), 5)).toEqual(byName);
      // A portal of Q asking for P's teams sees the ones the two share (the single statement).
      expect(await all({ provinceCode: p }, { field: 'NAME', direction: 'ASC' }, portal(q), 2)).toEqual(['Tổ 2', 'Tổ 4'].map(idOf));
      expect(await all({ provinceCode: q }, { field: 'ESTABLISHED_ON', direction: 'ASC' }, ProvinceScope.UNRESTRICTED, 3)).toEqual(
        ['Tổ 4', 'Tổ 3b', 'Tổ 2'].map(idOf),
      );
    } finally {
      await dataSource.query('DELETE FROM teams_v1 WHERE commune_code = $1', [commune]);
      await dataSource.query('DELETE FROM teams_v1_history WHERE commune_code = $1', [commune]);
    }
  });

  it("remembers a unit's name with its figures per version of the teams read models, in one version read", async () => {
    const projection = `t${randomBytes(4).toString('hex')}_teams_v1`;
    const statistics = new TeamStatisticsService(dataSource, { portalsSeeNational: false }, new StatisticsCache(dataSource, { projection }));
    const unitKey = `PROVINCE:${world.provinceCode}:${world.year}-01-01`;
    const moveCheckpoint = (position: number) =>
      dataSource.query(
        `INSERT INTO projection_checkpoints AS c (name, position, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now(),
         events_applied = c.events_applied + 1, data_changed_at = clock_timestamp()`,
        [projection, `00000000000000000001-${String(position).padStart(19, '0')}`],
      );
    const [original] = await dataSource.query<Array<{ name: string }>>('SELECT name FROM team_admin_units_v1 WHERE unit_key = $1', [unitKey]);
    const nameNow = async () => (await statistics.unitStatistics(world.provinceCode, 'PROVINCE', world.date('08-01'), ProvinceScope.UNRESTRICTED))?.name;
    try {
      await moveCheckpoint(1);
      expect(await nameNow()).toBe(original!.name);
      // A row changed without the checkpoint moving (no projection does that) shows the name is remembered...
      await dataSource.query('UPDATE team_admin_units_v1 SET name = $2 WHERE unit_key = $1', [unitKey, 'Tỉnh Đổi Tên']);
      expect(await nameNow()).toBe(original!.name);
      // ...for as long as the version stays: the batch that changed it moves the checkpoint.
      await moveCheckpoint(2);
      expect(await nameNow()).toBe('Tỉnh Đổi Tên');
      // The figures beside it are the same as without a cache.
      const cached = await statistics.unitStatistics(world.provinceCode, 'PROVINCE', world.date('08-01'), ProvinceScope.UNRESTRICTED);
      const uncached = await world.statistics.unitStatistics(world.provinceCode, 'PROVINCE', world.date('08-01'), ProvinceScope.UNRESTRICTED);
      expect(cached).toEqual(uncached);
    } finally {
      await dataSource.query('UPDATE team_admin_units_v1 SET name = $2 WHERE unit_key = $1', [unitKey, original!.name]);
      await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection]);
    }
  });

  it('computes province and national figures for the tree in force on the date', async () => {
    for (const [date, expected] of [[world.date('04-01'), april], [world.date('08-01'), august]] as const) {
      const province = await world.statistics.unitStatistics(world.provinceCode, 'PROVINCE', date, ProvinceScope.UNRESTRICTED);
      expect(province).toMatchObject({ ...expected, coverageRatio: expect.closeTo(expected.coverageRatio, 9) as number });
      // Only this world's data exists in its year, so the nation adds nothing to the province.
      const nation = await world.statistics.unitStatistics('VN', 'NATIONAL', date, ProvinceScope.UNRESTRICTED);
      expect(nation).toMatchObject({ ...expected, coverageRatio: expect.closeTo(expected.coverageRatio, 9) as number });
    }
    // The year after, the units are no longer in force: nothing of this world is counted.
    expect(await world.statistics.unitStatistics(world.provinceCode, 'PROVINCE', `${world.year + 1}-02-01`, ProvinceScope.UNRESTRICTED)).toBeNull();
  });

  it('computes commune figures and children, with persons counted once per unit', async () => {
    const date = world.date('08-01');
    const page1 = await world.statistics.childStatistics(world.provinceCode, 'PROVINCE', date, 2, null, ProvinceScope.UNRESTRICTED);
    const page2 = await world.statistics.childStatistics(world.provinceCode, 'PROVINCE', date, 2, page1!.items[1]!.code, ProvinceScope.UNRESTRICTED);
    expect(page1?.totalCount).toBe(3);
    const byCode = new Map([...page1!.items, ...page2!.items].map((item) => [item.code, item]));
    expect(byCode.get(s.communes.c1)).toMatchObject({ activeTeams: 2, villages: 3, villagesCovered: 3, communesAtFullCoverage: 1, members: 3, leaders: 2, youthUnionMembers: 1 });
    expect(byCode.get(s.communes.c2)).toMatchObject({ activeTeams: 1, villages: 3, villagesCovered: 2, communesAtFullCoverage: 0, members: 1, leaders: 1, youthUnionMembers: 1 });
    expect(byCode.get(s.communes.c3)).toMatchObject({ activeTeams: 0, villages: 0, coverageRatio: null, members: 0, youthUnionShare: null });
    const commune = await world.statistics.unitStatistics(s.communes.c1, 'COMMUNE', date, ProvinceScope.UNRESTRICTED);
    expect(commune).toEqual(byCode.get(s.communes.c1));
    const before = String(Number(world.provinceCode) - 1).padStart(2, '0');
    const provinces = await world.statistics.childStatistics('VN', 'NATIONAL', date, 1, before, ProvinceScope.UNRESTRICTED);
    expect(provinces?.items[0]).toMatchObject({ code: world.provinceCode, level: 'PROVINCE', ...august, coverageRatio: expect.closeTo(5 / 6, 9) as number });
  });
});
