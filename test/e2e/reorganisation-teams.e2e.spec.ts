import { ProjectionWaiter } from '@cdtt/platform';
import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';

interface Reorganisation {
  status: string;
  fromCommuneCode: string;
  successorCommuneCodes: string[];
  since: string;
}
interface TeamView {
  id: string;
  communeCode: string;
  reorganisation: Reorganisation | null;
}

const RECORD = `mutation($input: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $input) { recorded userErrors { code field } } }`;
const ASSIGN = `mutation($input: AssignTeamToSuccessorCommuneInput!) {
  assignTeamToSuccessorCommune(input: $input) { team { id communeCode reorganisation { status successorCommuneCodes } } userErrors { code field } } }`;
const REORGANISATION = 'reorganisation { status fromCommuneCode successorCommuneCodes since }';

/**
 * A reorganisation recorded by an operator over HTTP, and the teams following it through the
 * process manager running in the projector: re-attached on a full edge, held and listed in the
 * province's work queue on a split, assigned by a person, and cleared by a reissued decision.
 */
// Several HTTP round trips and projection waits per test: the default 5 s is short on a busy machine.
jest.setTimeout(60_000);

describe('teams following a recorded reorganisation, over HTTP', () => {
  const world = new TeamsE2eWorld([1991, 1999]);
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  let c: string[];
  let v: string[][];
  const t: Record<string, string> = {};

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const response = await world.gql(query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data ?? {};
  };
  const team = async (id: string): Promise<TeamView> => (await gql(`query($id: ID!) { team(id: $id) { id communeCode ${REORGANISATION} } }`, { id })).team as TeamView;
  /** The process manager works after the projections: poll until the team shows the expected status. */
  /** `until` names the outcome the process manager reaches after the status (a re-attachment is a second command). */
  const eventually = async (id: string, status: string | null, until: (view: TeamView) => boolean = () => true): Promise<TeamView> => {
    for (let i = 0; i < 100; i += 1) {
      const view = await team(id);
      // Read again once there: the team row and its reorganisation field are two reads, possibly either side of a commit.
      if ((view.reorganisation?.status ?? null) === status && until(view)) return team(id);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`team ${id} never reached ${String(status)}`);
  };
  const record = async (fromCode: string, toCode: string, kind: string, effectiveOn: string, fromLevel = 'COMMUNE') =>
    (await gql(RECORD, { input: { fromLevel, fromCode, toLevel: 'COMMUNE', toCode, kind, effectiveOn, reference: 'Nghị quyết 99/NQ-UBTVQH' } })).recordUnitSuccession as {
      recorded: boolean;
      userErrors: Array<{ code: string }>;
    };

  beforeAll(async () => {
    v = await world.open(3, 1);
    c = world.communes;
    const ds = world.runtime.dataSource;
    const [head] = await ds.query<Array<{ p: string }>>(
      `SELECT lpad(tx_id::text, 20, '0') || '-' || lpad(global_position::text, 19, '0') AS p FROM event_store.events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    );
    if (head) await new ProjectionWaiter(ds, 50).waitFor(['teams_v1', 'admin_units_v1', 'reorganisation_v1'], head.p, 60_000);
    for (const [key, commune] of [['full', c[0]!], ['split', c[2]!]] as const) {
      t[key] = (await api.ok('establishTeam', api.establishInput(commune, [], 'COMMUNE', d('02-01')))).team!.id;
      await api.ok('addTeamMember', { teamId: t[key], person: api.person(`Tổ trưởng ${key}`), role: 'LEADER', effectiveDate: d('02-01') });
    }
  }, 180_000);
  afterAll(() => world.close());

  it('records edges (admins), refusing bad ones with their codes', async () => {
    expect((await record(c[0]!, c[1]!, 'FULL', d('06-01'), 'PROVINCE')).userErrors.map((e) => e.code)).toEqual(['SUCCESSION_LEVELS_INVALID']);
    expect((await record('00000', c[1]!, 'FULL', d('06-01'))).userErrors.map((e) => e.code)).toEqual(['SUCCESSION_FROM_UNKNOWN']);
    expect((await record(c[0]!, c[1]!, 'FULL', `${world.year + 1}-06-01`)).userErrors.map((e) => e.code)).toEqual(['SUCCESSION_TO_NOT_IN_FORCE']);
    expect(await record(c[0]!, c[1]!, 'FULL', d('06-01'))).toEqual({ recorded: true, userErrors: [] });
    expect((await record(c[0]!, c[1]!, 'FULL', d('06-01'))).userErrors.map((e) => e.code)).toEqual(['SUCCESSION_ALREADY_RECORDED']);
  });

  it('re-attaches the team of a fully succeeded commune, flagged until the new commune reissues its decision', async () => {
    const view = await eventually(t.full!, 'AWAITING_REDECISION', (v) => v.communeCode === c[1]);
    expect(view).toMatchObject({ communeCode: c[1], reorganisation: { fromCommuneCode: c[0], successorCommuneCodes: [c[1]], since: d('06-01') } });
    const queue = (await gql(`{ reorganisationWorkQueue(provinceCode: "99", status: AWAITING_REDECISION) { totalCount nodes { team { id } } } }`))
      .reorganisationWorkQueue as { totalCount: number; nodes: Array<{ team: { id: string } }> };
    expect(queue.nodes.map((n) => n.team.id)).toContain(t.full);
    const reissue = (issuer: string) => ({ teamId: t.full, decision: api.decision(issuer, d('07-01'), '70/QĐ-UBND'), effectiveDate: d('07-01') });
    expect(await api.refused('reissueTeamDecision', reissue(c[0]!))).toBe('DECISION_ISSUER_MISMATCH');
    await api.ok('reissueTeamDecision', reissue(c[1]!));
    expect((await team(t.full!)).reorganisation).toBeNull();
  });

  it('holds the team of a split commune in the work queue until a person assigns it', async () => {
    // Province 99 of year Y is shared with other runs of this file: compare with the figure before.
    const provinceTeams = async () =>
      ((await gql(`{ unitStatistics(code: "99", level: PROVINCE, asOf: "${d('08-15')}") { activeTeams } }`)).unitStatistics as { activeTeams: number }).activeTeams;
    const before = await provinceTeams();
    expect((await record(c[2]!, c[0]!, 'PARTIAL', d('08-01'))).recorded).toBe(true);
    expect((await record(c[2]!, c[1]!, 'PARTIAL', d('08-01'))).recorded).toBe(true);
    // Edges recorded one by one: the team may first be held with one successor, then offered both.
    let held = await eventually(t.split!, 'AWAITING_ASSIGNMENT');
    for (let i = 0; i < 100 && held.reorganisation?.successorCommuneCodes.length !== 2; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      held = await team(t.split!);
    }
    expect(held.reorganisation?.successorCommuneCodes).toEqual([c[0], c[1]].sort());
    const queue = (await gql(`{ reorganisationWorkQueue(provinceCode: "99") { totalCount nodes { team { id } reorganisation { status } } } }`))
      .reorganisationWorkQueue as { totalCount: number; nodes: Array<{ team: { id: string } }> };
    expect(queue.nodes.map((n) => n.team.id)).toContain(t.split);
    // Held, it has no commune on 08-15 but still counts in its province.
    expect(await provinceTeams()).toBe(before);
    const commune = (await gql(`{ unitStatistics(code: "${c[2]}", level: COMMUNE, asOf: "${d('08-15')}") { activeTeams } }`)).unitStatistics as { activeTeams: number };
    expect(commune.activeTeams).toBe(0);

    const assign = async (communeCode: string) =>
      (await gql(ASSIGN, { input: { teamId: t.split, communeCode, decisionRef: 'CV 9/UBND' } })).assignTeamToSuccessorCommune as {
        team: TeamView | null;
        userErrors: Array<{ code: string }>;
      };
    expect((await assign(c[2]!)).userErrors.map((e) => e.code)).toEqual(['NOT_A_SUCCESSOR_COMMUNE']);
    const ok = await assign(c[0]!);
    expect(ok.userErrors).toEqual([]);
    expect(ok.team).toMatchObject({ communeCode: c[0], reorganisation: { status: 'AWAITING_REDECISION', successorCommuneCodes: [c[0]] } });
    expect((await assign(c[1]!)).userErrors.map((e) => e.code)).toEqual(['TEAM_NOT_AWAITING_ASSIGNMENT']);
  });

  it("lets the new commune establish teams over the villages it received, but not over a split commune's", async () => {
    // c0 went wholly to c1 on 06-01; c2 was split between c0 and c1 on 08-01. Villages keep their codes.
    const over = (village: string, date: string) => api.establishInput(c[1]!, [village], 'VILLAGE', date, `Tổ thôn ${date} ${village.slice(-6)}`);
    expect(await api.refused('establishTeam', over(v[0]![0]!, d('05-01')))).toBe('VILLAGE_OUTSIDE_COMMUNE');
    await api.ok('establishTeam', over(v[0]![0]!, d('09-01')));
    expect(await api.refused('establishTeam', over(v[2]![0]!, d('09-01')))).toBe('VILLAGE_OUTSIDE_COMMUNE');
  });

  it('answers a series across the change and lists defects', async () => {
    const series = (await gql(`{ statisticsSeries(code: "${c[1]}", level: COMMUNE, from: "${d('05-01')}", to: "${d('07-01')}", interval: MONTH) { asOf figures { activeTeams } } }`))
      .statisticsSeries as Array<{ asOf: string; figures: { activeTeams: number } | null }>;
    expect(series.map((p) => p.asOf)).toEqual([d('05-01'), d('06-01'), d('07-01')]);
    const [may, june, july] = series.map((p) => p.figures?.activeTeams ?? NaN) as [number, number, number];
    // The re-attached team counts in its new commune from 06-01 (other runs' teams may share the code).
    expect([june - may, july - june]).toEqual([1, 0]);
    const bad = await world.gql(`{ statisticsSeries(code: "VN", level: NATIONAL, from: "${d('07-01')}", to: "${d('05-01')}") { asOf } }`);
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const defects = (await gql(`{ successionDefects(openOnly: false, first: 5) { totalCount nodes { reason subject open } } }`)).successionDefects as { totalCount: number };
    expect(defects.totalCount).toBeGreaterThanOrEqual(0);
  });
});
