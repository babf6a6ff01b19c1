import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { uuidv7, uuidv7Generator } from '@cdtt/event-sourcing';
import {
  GEOGRAPHY_PROJECTIONS,
  importAdminUnits,
  planImport,
  readAdminUnitFiles,
  SuccessionCommandHandler,
  SuccessionReadService,
  type AdministrativeUnitSucceededData,
  type ImportPlan,
} from '@cdtt/geography';
import { loadConfig, openRuntime, ProjectionHost, ProjectionWaiter, ProvinceScope, type Runtime } from '@cdtt/platform';
import { teamDecider } from '../../domain/team.decider';
import { teamStreamName } from '../../domain/team.events';
import { PersonalDataKeysRepository } from '../../personal-data/personal-data-keys.repository';
import { PersonalDataVault } from '../../personal-data/personal-data.vault';
import { ReorganisationReadService } from '../../read-models/reorganisation-read.service';
import { TeamGeographyFacts } from '../../read-models/team-geography.facts';
import { seriesDates, TeamStatisticsSeriesService } from '../../read-models/team-statistics-series.service';
import { TeamStatisticsService, type StatisticsLevel } from '../../read-models/team-statistics.service';
import { TEAMS_PROJECTIONS } from '../../read-models/teams.projections';
import { loadState, type Caller } from '../command-execution';
import { PersonCommandService } from '../person-commands.service';
import { StaticTeamPolicies } from '../team-policies';
import { TeamCommandService } from '../team-commands.service';
import { ReorganisationDispatcher, ReorganisationDispatchLoop } from './reorganisation.dispatcher';

/** shared/ sits beside the repository (here and in CI); ADMIN_UNITS_DIR points elsewhere. */
const REAL_FOLDER = process.env.ADMIN_UNITS_DIR ?? resolve(process.cwd(), '..', 'shared', 'data', 'admin-units');
const onServer = process.env.EMBEDDED_POSTGRES !== '1';
if (!onServer) console.warn('2025 reform on real units skipped: it needs a PostgreSQL server (DATABASE_URL) to create its own database');

const caller: Caller = { actor: { clientId: 'reorganisation-test', role: 'ADMIN' }, scope: ProvinceScope.UNRESTRICTED, correlationId: uuidv7() };
const ALL = ProvinceScope.UNRESTRICTED;

type Edge = AdministrativeUnitSucceededData;

/** Old communes of the real mapping, chosen by the shape of their edges (never by name). */
function pickCommunes(plan: ImportPlan) {
  const edges = plan.streams.flatMap((s) => s.events).filter((e) => e.type === 'AdministrativeUnitSucceeded').map((e) => e.data as Edge);
  const byFrom = new Map<string, Edge[]>();
  for (const e of edges.filter((x) => x.fromLevel === 'COMMUNE')) byFrom.set(e.fromCode, [...(byFrom.get(e.fromCode) ?? []), e]);
  const list = [...byFrom.entries()].sort(([a], [b]) => a.localeCompare(b));
  const full = list.find(([from, out]) => out.length === 1 && out[0]?.kind === 'FULL' && out[0].toCode !== from);
  const kept = list.find(([from, out]) => out.length === 1 && out[0]?.kind === 'FULL' && out[0].toCode === from && from !== full?.[0]);
  const split = list.find(([, out]) => out.length >= 2 && out.every((e) => e.kind === 'PARTIAL'));
  if (!full || !kept || !split) throw new Error('the real mapping should have full, kept and split communes');
  return {
    full: { from: full[0], to: full[1][0]!.toCode },
    kept: { from: kept[0], to: kept[0] },
    split: { from: split[0], to: split[1].map((e) => e.toCode).sort() },
  };
}

/** The 2025 reform applied to teams established in real pre-2025 communes (ADR 0012). */
(onServer ? describe : describe.skip)('the 2025 reform on real units: teams follow their communes', () => {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const scratch = `reorg_real_${randomBytes(4).toString('hex')}`;
  let connected = false;
  let runtime: Runtime;
  let host: ProjectionHost;
  let loop: ReorganisationDispatchLoop;
  let plan: ImportPlan;
  let picked: ReturnType<typeof pickCommunes>;
  let teams: TeamCommandService;
  let statistics: TeamStatisticsService;
  let series: TeamStatisticsSeriesService;
  let queue: ReorganisationReadService;
  let dispatcher: ReorganisationDispatcher;
  const ids: Record<'f1' | 'f2' | 'kept' | 'split' | 'gone', string> = { f1: '', f2: '', kept: '', split: '', gone: '' };
  const projectionNames = [...TEAMS_PROJECTIONS, ...GEOGRAPHY_PROJECTIONS].map((p) => p.name);

  /**
   * The last committed event's position. The store's own head is gap-safe (it stops below the oldest
   * open transaction), so right after a commit it may not show it yet: waiting on it could stop early.
   */
  const committedHead = async (): Promise<string | null> => {
    const [row] = await runtime.dataSource.query<Array<{ p: string }>>(
      `SELECT lpad(tx_id::text, 20, '0') || '-' || lpad(global_position::text, 19, '0') AS p FROM event_store.events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    );
    return row?.p ?? null;
  };
  /** Until every projection read the whole log and the process manager's queue is empty. */
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 20; round += 1) {
      const head = await committedHead();
      if (head && !(await new ProjectionWaiter(runtime.dataSource, 50).waitFor(projectionNames, head, 120_000))) throw new Error('projections did not catch up');
      const [pending] = await runtime.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM reorganisation_commands_v1 WHERE dispatched_at IS NULL');
      const after = await committedHead();
      if (pending?.n === 0 && after === head) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error('the reorganisation did not settle');
  };
  const figures = (code: string, level: StatisticsLevel, asOf: string) => statistics.unitStatistics(code, level, asOf, ALL);
  const teamRow = async (id: string) =>
    (await runtime.dataSource.query<Array<{ commune_code: string }>>('SELECT commune_code FROM teams_v1 WHERE id = $1', [id]))[0];
  const statusOf = (id: string) => queue.statusOf(id);

  beforeAll(async () => {
    if (!existsSync(REAL_FOLDER)) throw new Error(`The real admin-unit data is missing: expected ${REAL_FOLDER} (shared/ beside the repository root)`);
    await admin.connect();
    connected = true;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${scratch}`;
    runtime = await openRuntime(loadConfig({ DATABASE_URL: url.toString(), RUN_PROJECTOR: 'false' }), 'reorganisation-real');
    plan = planImport(await readAdminUnitFiles(REAL_FOLDER));
    picked = pickCommunes(plan);
    // The lists first (what the registry knew in 2024): the succession edges come later, as the reform.
    for (const stream of plan.streams.filter((s) => s.streamName.startsWith('admin_units-'))) {
      for (let i = 0; i < stream.events.length; i += 500) {
        await runtime.eventStore.appendToStream(stream.streamName, stream.events.slice(i, i + 500), { expected: i === 0 ? 'no_stream' : i - 1 });
      }
    }
    const owner = `reorg-test:${uuidv7()}`;
    host = new ProjectionHost({ dataSource: runtime.dataSource, store: runtime.eventStore, projections: [...GEOGRAPHY_PROJECTIONS, ...TEAMS_PROJECTIONS], owner });
    await host.start();
    dispatcher = new ReorganisationDispatcher(runtime.dataSource, runtime.eventStore);
    loop = new ReorganisationDispatchLoop(runtime.dataSource, dispatcher, owner, (m) => console.error(m), 200);
    loop.start();
    const vault = new PersonalDataVault(randomBytes(32), new PersonalDataKeysRepository(runtime.dataSource));
    const facts = new TeamGeographyFacts(runtime.dataSource);
    const people = new PersonCommandService(runtime.eventStore, uuidv7Generator, vault);
    teams = new TeamCommandService(runtime.eventStore, uuidv7Generator, facts, facts, new StaticTeamPolicies(), people);
    statistics = new TeamStatisticsService(runtime.dataSource);
    series = new TeamStatisticsSeriesService(runtime.dataSource, statistics);
    queue = new ReorganisationReadService(runtime.dataSource);
    await settle();
  }, 300_000);

  afterAll(async () => {
    if (!connected) return;
    await loop?.stop();
    await host?.stop();
    await runtime?.close();
    if (process.env.KEEP_SCRATCH_DB) console.log(`kept ${scratch}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  const establish = async (communeCode: string, name: string): Promise<string> => {
    const decision = { number: '5/QĐ-UBND', date: '2024-03-01', issuingCommuneCode: communeCode, signerName: 'Nguyễn Văn An', signerTitle: 'Chủ tịch UBND xã' };
    const result = await teams.establishTeam({ communeCode, villageIds: [], name, level: 'COMMUNE', decision, effectiveDate: '2024-03-05' }, caller);
    if (!result.ok) throw new Error(`establish refused: ${result.error.code}`);
    const person = { fullName: `Tổ trưởng ${name}`, phone: null, birthYear: 1995, gender: 'FEMALE' as const, youthUnionSince: '2012-03-26', youthUnionUntil: null };
    const joined = await teams.addTeamMember({ teamId: result.id, personId: null, person, role: 'LEADER', effectiveDate: '2024-03-05', decisionRef: null }, caller);
    if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
    return result.id;
  };

  it('establishes teams in old communes in 2024 and counts them on the three-tier tree', async () => {
    ids.f1 = await establish(picked.full.from, 'Tổ A');
    ids.f2 = await establish(picked.full.from, 'Tổ B');
    ids.kept = await establish(picked.kept.from, 'Tổ C');
    ids.split = await establish(picked.split.from, 'Tổ D');
    ids.gone = await establish(picked.full.from, 'Tổ E');
    const dissolved = await teams.changeTeam(ids.gone, { type: 'DissolveTeam', effectiveDate: '2025-01-01', decisionRef: '9/QĐ-UBND' }, caller);
    expect(dissolved.ok).toBe(true);
    await settle();

    const [commune] = await runtime.dataSource.query<Array<{ parent_code: string; province_code: string }>>(
      `SELECT parent_code, province_code FROM team_admin_units_v1 WHERE level = 'COMMUNE' AND code = $1 AND valid_to = '2025-07-01'`,
      [picked.full.from],
    );
    expect(commune).toBeDefined();
    expect((await figures('VN', 'NATIONAL', '2025-06-30'))?.activeTeams).toBe(4);
    expect((await figures(picked.full.from, 'COMMUNE', '2025-06-30'))?.activeTeams).toBe(2);
    // The district counts the active teams of its communes then (the picked communes may share it).
    const parents = await runtime.dataSource.query<Array<{ code: string; parent_code: string }>>(
      `SELECT code, parent_code FROM team_admin_units_v1 WHERE level = 'COMMUNE' AND code = ANY($1) AND valid_to = '2025-07-01'`,
      [[picked.kept.from, picked.split.from]],
    );
    const inDistrict = 2 + parents.filter((p) => p.parent_code === commune!.parent_code).length;
    expect((await figures(commune!.parent_code, 'DISTRICT', '2025-06-30'))).toMatchObject({ activeTeams: inDistrict, members: inDistrict, leaders: inDistrict });
    expect((await figures(commune!.province_code, 'PROVINCE', '2025-06-30'))?.activeTeams).toBeGreaterThanOrEqual(2);
    // Before the reform is recorded, the teams of closed communes are nowhere on the two-tier tree.
    expect((await figures('VN', 'NATIONAL', '2025-07-15'))?.activeTeams).toBeLessThan(4);
  }, 120_000);

  it('applies the reform: full edges re-attach, a split waits in the work queue, and a replay changes nothing', async () => {
    const started = performance.now();
    const imported = await importAdminUnits(runtime.eventStore, REAL_FOLDER);
    await settle();
    console.log(`reform: ${imported.written} events written, settled in ${Math.round(performance.now() - started)} ms`);

    for (const id of [ids.f1, ids.f2]) {
      expect(await teamRow(id)).toEqual({ commune_code: picked.full.to });
      expect(await statusOf(id)).toMatchObject({ status: 'AWAITING_REDECISION', from_commune_code: picked.full.from, successor_codes: [picked.full.to] });
    }
    expect(await statusOf(ids.kept)).toMatchObject({ status: 'AWAITING_REDECISION', successor_codes: [picked.kept.to] });
    expect(await teamRow(ids.gone)).toEqual({ commune_code: picked.full.from });
    expect(await statusOf(ids.gone)).toBeNull();
    expect(await teamRow(ids.split)).toEqual({ commune_code: picked.split.from });
    expect(await statusOf(ids.split)).toMatchObject({ status: 'AWAITING_ASSIGNMENT', successor_codes: picked.split.to });

    const [target] = await runtime.dataSource.query<Array<{ province_code: string }>>(
      `SELECT province_code FROM team_admin_units_v1 WHERE level = 'COMMUNE' AND code = $1 AND valid_from = '2025-07-01'`,
      [picked.split.to[0]],
    );
    const work = await queue.workQueue(target!.province_code, 'AWAITING_ASSIGNMENT', 10, null, ALL);
    expect(work.rows.map((r) => r.id)).toEqual([ids.split]);
    expect(work.totalCount).toBe(1);
    const elsewhere = target!.province_code === '01' ? '79' : '01';
    expect((await queue.workQueue(elsewhere, 'AWAITING_ASSIGNMENT', 10, null, ALL)).totalCount).toBe(0);

    // At least once: dispatch every command again; the deciders answer "nothing to do".
    const before = await Promise.all(Object.values(ids).map(async (id) => (await runtime.eventStore.readStream(teamStreamName(id))).length));
    await runtime.dataSource.query('UPDATE reorganisation_commands_v1 SET dispatched_at = NULL');
    const redispatched = await dispatcher.drainAll();
    expect(redispatched).toBeGreaterThanOrEqual(4);
    const after = await Promise.all(Object.values(ids).map(async (id) => (await runtime.eventStore.readStream(teamStreamName(id))).length));
    expect(after).toEqual(before);
  }, 300_000);

  it('counts every team on both trees and across the boundary; the re-aggregation loses and doubles none', async () => {
    expect((await figures('VN', 'NATIONAL', '2025-06-30'))?.activeTeams).toBe(4);
    expect((await figures('VN', 'NATIONAL', '2025-07-15'))).toMatchObject({ activeTeams: 4, members: 4, leaders: 4 });
    expect((await figures(picked.full.to, 'COMMUNE', '2025-07-15'))?.activeTeams).toBe(picked.full.to === picked.kept.to ? 3 : 2);
    expect(await figures('001', 'DISTRICT', '2025-07-15')).toBeNull();
    // The held team has no commune yet, but its province (all successors in one) counts it.
    const [held] = await runtime.dataSource.query<Array<{ province_code: string | null }>>(
      'SELECT province_code FROM team_communes_v1 WHERE team_id = $1 AND valid_to IS NULL',
      [ids.split],
    );
    expect(held?.province_code).toMatch(/^\d{2}$/);
    for (const code of picked.split.to) expect((await figures(code, 'COMMUNE', '2025-07-15'))?.activeTeams ?? 0).toBe(0);

    const dates = seriesDates('2025-04-01', '2025-10-01', 'MONTH');
    if (!Array.isArray(dates)) throw new Error('dates');
    const line = await series.series('VN', 'NATIONAL', dates, ALL);
    expect(line.map((p) => p.figures?.activeTeams)).toEqual([4, 4, 4, 4, 4, 4, 4]);

    const re = await series.reaggregate('2025-06-30', '2025-07-15', ALL);
    if (!('provinces' in re)) throw new Error(re.code);
    expect(re.totals).toEqual({ totalTeams: 4, placedTeams: 3, partialTeams: 1, unmappedTeams: 0 });
    expect(re.provinces.reduce((n, p) => n + p.activeTeams, 0)).toBe(3);
    expect(re.provinces.reduce((n, p) => n + p.partialActiveTeams, 0)).toBe(1);
    const provinceTotals = await Promise.all(re.provinces.map(async (p) => (await figures(p.code, 'PROVINCE', '2025-07-15'))?.activeTeams ?? 0));
    expect(provinceTotals.reduce((a, b) => a + b, 0)).toBe(4);
  }, 120_000);

  it('clears a flag by the new commune’s decision and re-attaches a split team by a person’s choice', async () => {
    const reissue = (issuer: string) => ({
      type: 'ReissueTeamDecision' as const,
      decision: { number: '15/QĐ-UBND', date: '2025-08-01', issuingCommuneCode: issuer, signerName: 'Trần Văn Bình', signerTitle: 'Chủ tịch UBND xã' },
      effectiveDate: '2025-08-01',
    });
    const wrong = await teams.changeTeam(ids.f1, reissue(picked.full.from), caller);
    expect(!wrong.ok && wrong.error.code).toBe('DECISION_ISSUER_MISMATCH');
    expect((await teams.changeTeam(ids.f1, reissue(picked.full.to), caller)).ok).toBe(true);
    const held = await teams.changeTeam(ids.split, reissue(picked.split.from), caller);
    expect(!held.ok && held.error.code).toBe('TEAM_AWAITING_ASSIGNMENT');

    const bad = await teams.assignToSuccessorCommune(ids.split, picked.full.to === picked.split.to[0] ? '00001' : picked.full.to, null, caller);
    expect(!bad.ok && bad.error.code).toBe('NOT_A_SUCCESSOR_COMMUNE');
    const chosen = picked.split.to[1]!;
    expect((await teams.assignToSuccessorCommune(ids.split, chosen, 'CV 88/UBND', caller)).ok).toBe(true);
    await settle();
    expect(await statusOf(ids.f1)).toBeNull();
    expect(await statusOf(ids.split)).toMatchObject({ status: 'AWAITING_REDECISION', successor_codes: [chosen] });
    expect((await loadState(runtime.eventStore, teamDecider, teamStreamName(ids.split))).state.communeCode).toBe(chosen);
    expect((await figures(chosen, 'COMMUNE', '2025-07-15'))?.activeTeams).toBe(1);
    expect((await figures('VN', 'NATIONAL', '2025-07-15'))?.activeTeams).toBe(4);
  }, 120_000);

  it('lists the mapping defects and closes one by an admin correction', async () => {
    const reads = new SuccessionReadService(runtime.dataSource);
    const all = await reads.defects(false, 100, null);
    const reasons = all.rows.map((d) => `${d.reason} ${d.subject.split(' ')[1] ?? ''}`);
    expect(reasons).toEqual(expect.arrayContaining(['CODE_REUSED_WITHOUT_EDGE 23710', 'MAPPING_CODE_CORRECTED 06970', 'DISTRICT_WITHOUT_COMMUNES 318']));
    expect(all.rows.filter((d) => d.reason === 'OLD_CODE_NOT_IN_PRE_2025_LIST')).toHaveLength(12);
    const open = await reads.defects(true, 100, null);
    expect(open.rows.map((d) => d.subject)).toEqual(['COMMUNE 23710']);

    const commands = new SuccessionCommandHandler(runtime.eventStore, reads, uuidv7Generator);
    const edge = { fromLevel: 'COMMUNE' as const, fromCode: '23710', toLevel: 'COMMUNE' as const, toCode: '23710', effectiveOn: '2025-07-01' };
    const unknown = await commands.record({ ...edge, fromCode: '99999', kind: 'FULL', reference: 'NQ 1664/NQ-UBTVQH15' }, caller.actor);
    expect(!unknown.ok && unknown.error.code).toBe('SUCCESSION_FROM_UNKNOWN');
    expect((await commands.record({ ...edge, kind: 'FULL', reference: 'NQ 1664/NQ-UBTVQH15' }, caller.actor)).ok).toBe(true);
    await settle();
    expect((await reads.defects(true, 100, null)).totalCount).toBe(0);
    const again = await commands.record({ ...edge, kind: 'FULL', reference: 'NQ 1664/NQ-UBTVQH15' }, caller.actor);
    expect(!again.ok && again.error.code).toBe('SUCCESSION_ALREADY_RECORDED');
  }, 120_000);
});
