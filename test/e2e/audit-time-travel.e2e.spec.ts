import type { DataSource } from 'typeorm';
import { endOfLocalDate, fromGlobalId, localDateOf, ProvinceScope, RecordedTimeTravel } from '@cdtt/platform';
import { TeamStatisticsService } from '@cdtt/teams';
import { untilWorldVisible } from './support/audit-visibility';
import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';

const TEAM = `query($id: ID!, $asOf: String, $basis: TimeBasis) {
  team(id: $id, asOf: $asOf, basis: $basis) { status members { fullName role } villages { id } } }`;
const STATS = `query($code: String!, $asOf: String, $basis: TimeBasis) {
  unitStatistics(code: $code, level: COMMUNE, asOf: $asOf, basis: $basis) { activeTeams villages villagesCovered members leaders } }`;

interface TeamAt {
  status: string;
  members: Array<{ fullName: string; role: string }>;
  villages: Array<{ id: string }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Time travel on both clocks over HTTP. Every event here is recorded today while its decisions take
 * effect in year Y: on the EFFECTIVE clock the roster and figures of Y show, on the RECORDED clock
 * nothing was known on any day of Y (decisions recorded after their effective date). Between
 * today's writes, the recorded history is read at instants between them.
 */
describe('team and unitStatistics on the EFFECTIVE and RECORDED clocks', () => {
  const world = new TeamsE2eWorld([2001, 2020]);
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  let teamId = '';
  let villages: string[] = [];
  const known: Record<string, string> = {};

  const teamAt = async (asOf: string, basis: string): Promise<TeamAt | null> => {
    const answer = await world.gql(TEAM, { id: teamId, asOf, basis });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return (answer.data?.team ?? null) as TeamAt | null;
  };
  const statsAt = async (asOf: string, basis: string): Promise<Record<string, number> | null> => {
    const answer = await world.gql(STATS, { code: world.communes[0], asOf, basis });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return (answer.data?.unitStatistics ?? null) as Record<string, number> | null;
  };
  const mark = async (name: string) => {
    await sleep(15);
    known[name] = new Date().toISOString();
    await sleep(15);
  };

  beforeAll(async () => {
    villages = (await world.open(1, 3))[0]!;
    await untilWorldVisible(world, 3);
    await mark('before');
    teamId = (await api.ok('establishTeam', api.establishInput(world.communes[0]!, [villages[0]!], 'VILLAGE', d('02-01')))).team!.id;
    await api.ok('addTeamMember', { teamId, person: api.person('Nguyễn Thị An'), role: 'LEADER', effectiveDate: d('02-01') });
    await mark('established');
    const b = (await api.ok('addTeamMember', { teamId, person: api.person('Trần Văn Bình'), role: 'MEMBER', effectiveDate: d('03-01') })).personId!;
    await api.ok('changeTeamCoverage', { teamId, villageIds: [villages[0]!, villages[1]!], effectiveDate: d('04-01') });
    await mark('grown');
    await api.ok('removeTeamMember', { teamId, personId: b, effectiveDate: d('05-01') });
  }, 180_000);
  afterAll(() => world.close());

  it('answers the roster in force before, between and after the changes (EFFECTIVE)', async () => {
    expect(await teamAt(d('01-15'), 'EFFECTIVE')).toBeNull();
    expect(await teamAt(d('03-15'), 'EFFECTIVE')).toEqual({
      status: 'ACTIVE',
      members: [{ fullName: 'Nguyễn Thị An', role: 'LEADER' }, { fullName: 'Trần Văn Bình', role: 'MEMBER' }],
      villages: [{ id: villages[0] }],
    });
    expect((await teamAt(d('04-15'), 'EFFECTIVE'))?.villages.map((v) => v.id).sort()).toEqual([villages[0], villages[1]].sort());
    expect((await teamAt(d('06-01'), 'EFFECTIVE'))?.members).toEqual([{ fullName: 'Nguyễn Thị An', role: 'LEADER' }]);
  });

  it('answers the statistics in force before, between and after the changes (EFFECTIVE)', async () => {
    const figures = (activeTeams: number, villagesCovered: number, members: number) => ({ activeTeams, villages: 3, villagesCovered, members, leaders: activeTeams });
    expect(await statsAt(d('01-15'), 'EFFECTIVE')).toEqual(figures(0, 0, 0));
    expect(await statsAt(d('03-15'), 'EFFECTIVE')).toEqual(figures(1, 1, 2));
    expect(await statsAt(d('04-15'), 'EFFECTIVE')).toEqual(figures(1, 2, 2));
    expect(await statsAt(d('06-01'), 'EFFECTIVE')).toEqual(figures(1, 2, 1));
  });

  it('knew nothing of it on any day of year Y: every decision was recorded later (RECORDED)', async () => {
    for (const date of [d('03-15'), d('06-01'), `${world.year}-12-31`]) {
      expect(await teamAt(date, 'RECORDED')).toBeNull();
      expect(await statsAt(date, 'RECORDED')).toBeNull(); // not even the commune was recorded then
    }
    // Today everything is known: the roster in force today is the leader's.
    expect((await teamAt(localDateOf(new Date()), 'RECORDED'))?.members).toEqual([{ fullName: 'Nguyễn Thị An', role: 'LEADER' }]);
  });

  it('reads the roster and coverage of a day of Y as known at instants between the writes', async () => {
    const travel = new RecordedTimeTravel(world.runtime.dataSource);
    const team = fromGlobalId(teamId)?.localId;
    const onApril15 = async (instant: string) =>
      travel.at(instant, async (sql) => {
        const members = (await sql.query(`SELECT count(*)::int AS n FROM team_memberships_v1 WHERE team_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`, [team, d('04-15')])) as Array<{ n: number }>;
        const covered = (await sql.query(`SELECT count(*)::int AS n FROM team_coverage_v1 WHERE team_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`, [team, d('04-15')])) as Array<{ n: number }>;
        return { members: members[0]?.n, covered: covered[0]?.n };
      });
    expect(await onApril15(known.before!)).toEqual({ members: 0, covered: 0 });
    expect(await onApril15(known.established!)).toEqual({ members: 1, covered: 1 });
    expect(await onApril15(known.grown!)).toEqual({ members: 2, covered: 2 });
    expect(await onApril15(new Date().toISOString())).toEqual({ members: 2, covered: 2 }); // B left on 05-01, after April 15
    expect(endOfLocalDate('2022-09-15')).toBe('2022-09-15T17:00:00.000Z');
  });

  it('finds one team\'s versions through the history\'s index on the RECORDED clock, not by scanning every version (ADR 0026)', async () => {
    const travel = new RecordedTimeTravel(world.runtime.dataSource);
    const team = fromGlobalId(teamId)?.localId;
    // At "grown" the memberships had changed since (B left later): they are read through their view.
    const plan = await travel.at(known.grown!, async (sql) => {
      await sql.query('SET LOCAL enable_seqscan = off'); // this world's tables are small enough to scan
      return JSON.stringify(await sql.query('EXPLAIN (FORMAT JSON) SELECT m.person_id FROM team_memberships_v1 m WHERE m.team_id = $1', [team]));
    });
    expect(plan).toContain('team_memberships_v1_history_team');
  });

  it('computes the statistics of a day of Y as known at those instants, with the statistics SQL unchanged', async () => {
    const travel = new RecordedTimeTravel(world.runtime.dataSource);
    const known_ = async (instant: string) =>
      travel.at(instant, (sql) => new TeamStatisticsService(sql as unknown as DataSource).unitStatistics(world.communes[0]!, 'COMMUNE', d('04-15'), ProvinceScope.UNRESTRICTED));
    const pick = (f: Awaited<ReturnType<typeof known_>>) => f && { activeTeams: f.activeTeams, villagesCovered: f.villagesCovered, members: f.members };
    expect(pick(await known_(known.before!))).toEqual({ activeTeams: 0, villagesCovered: 0, members: 0 });
    expect(pick(await known_(known.established!))).toEqual({ activeTeams: 1, villagesCovered: 1, members: 1 });
    expect(pick(await known_(known.grown!))).toEqual({ activeTeams: 1, villagesCovered: 2, members: 2 });
  });
});
