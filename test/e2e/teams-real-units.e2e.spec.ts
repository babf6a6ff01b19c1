import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { importAdminUnits } from '@cdtt/geography';
import { loadConfig, openRuntime, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { startProjector, type RunningProjector } from '../../apps/projector/src/projector';
import { MUTATIONS, STATISTICS_FIELDS, type PayloadShape } from './support/teams-e2e.queries';
import { waitForProjections } from './support/catch-up';

const REAL_FOLDER = process.env.ADMIN_UNITS_DIR ?? resolve(process.cwd(), '..', 'shared', 'data', 'admin-units');
/** Its own database: the 25k imported events must not make every other suite's projections replay them. */
const onServer = process.env.EMBEDDED_POSTGRES !== '1';
if (!onServer) console.warn('teams on real units skipped: it needs a PostgreSQL server (DATABASE_URL) to create its own database');

type Stats = Record<string, number | string | null>;

/** Teams established in real communes of the official lists, over HTTP; figures checked against the scenario. */
(onServer ? describe : describe.skip)('teams in real communes from the imported official lists', () => {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const scratch = `teams_real_${randomBytes(4).toString('hex')}`;
  let connected = false;
  let runtime: Runtime;
  let projector: RunningProjector;
  let app: INestApplication;

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const response = await request(app.getHttpServer() as App).post('/graphql').set('content-type', 'application/json').send({ query, variables });
    const body = response.body as { data?: Record<string, unknown>; errors?: unknown };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data ?? {};
  };
  const mutate = async (name: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<PayloadShape> =>
    (await gql(MUTATIONS[name], { input }))[name] as PayloadShape;
  const village = async (communeCode: string, name: string): Promise<string> => {
    const data = await gql(`mutation($input: RegisterVillageInput!) { registerVillage(input: $input) { village { id } userErrors { code } } }`, {
      input: { communeCode, name, kind: 'THON', households: 300, registeredOn: '2025-07-15' },
    });
    return (data.registerVillage as { village: { id: string } }).village.id;
  };
  const decision = (commune: string) => ({ number: '12/QĐ-UBND', date: '2025-08-01', issuingCommuneCode: commune, signerName: 'Lê Văn Cường', signerTitle: 'Chủ tịch UBND' });
  const establish = (commune: string, villageIds: string[], name: string) =>
    mutate('establishTeam', { name, level: 'VILLAGE', communeCode: commune, villageIds, effectiveDate: '2025-08-01', decision: decision(commune) });
  const join = (teamId: string, role: string, yu: boolean, name: string) =>
    mutate('addTeamMember', { teamId, role, effectiveDate: '2025-08-02', person: { fullName: name, ...(yu ? { youthUnionSince: '2018-03-26' } : {}) } });
  const stats = async (code: string, level: string): Promise<Stats> =>
    (await gql(`{ unitStatistics(code: "${code}", level: ${level}, asOf: "2025-09-01") { ${STATISTICS_FIELDS} } }`)).unitStatistics as Stats;

  beforeAll(async () => {
    if (!existsSync(REAL_FOLDER)) throw new Error(`The real admin-unit data is missing: expected ${REAL_FOLDER}`);
    await admin.connect();
    connected = true;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${scratch}`;
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    runtime = await openRuntime(loadConfig({ DATABASE_URL: url.toString(), RUN_PROJECTOR: 'false' }), 'teams-real-e2e');
    await importAdminUnits(runtime.eventStore, REAL_FOLDER);
    projector = await startProjector(runtime);
    await waitForProjections(runtime, ['teams_v1', 'villages_v1', 'admin_units_v1'], 90_000);
    app = await NestFactory.create(AppModule.register(runtime), { logger: false });
    await app.init();
  }, 120_000);

  afterAll(async () => {
    if (!connected) return;
    await app?.close();
    await projector?.stop();
    await runtime?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it('establishes teams in real communes, enforces the issuer rule, and rolls figures up per level', async () => {
    // Three real post-2025 communes of Hà Nội (01) and one of Hồ Chí Minh City (79).
    const communesOf = async (province: string): Promise<string[]> =>
      ((await gql(`{ adminUnits(level: COMMUNE, parentCode: "${province}", asOf: "2025-09-01", first: 3) { nodes { code } } }`))
        .adminUnits as { nodes: Array<{ code: string }> }).nodes.map((n) => n.code);
    const [a, b, c] = await communesOf('01');
    const [d] = await communesOf('79');
    if (!a || !b || !c || !d) throw new Error('expected real communes in provinces 01 and 79');

    const a1 = await village(a, 'Thôn Một');
    const a2 = await village(a, 'Thôn Hai');
    const b1 = await village(b, 'Thôn Một');
    await village(b, 'Thôn Hai'); // left uncovered
    await village(c, 'Thôn Một'); // a commune without a team
    const d1 = await village(d, 'Ấp Một');

    // Rule 1: the issuer must be the People's Committee of the commune containing the villages.
    const wrongIssuer = await mutate('establishTeam', { name: 'Tổ sai', level: 'VILLAGE', communeCode: a, villageIds: [a1], effectiveDate: '2025-08-01', decision: decision(b) });
    expect(wrongIssuer.userErrors.map((e) => e.code)).toEqual(['DECISION_ISSUER_MISMATCH']);
    const outside = await establish(a, [b1], 'Tổ ngoài xã');
    expect(outside.userErrors.map((e) => e.code)).toEqual(['VILLAGE_OUTSIDE_COMMUNE']);

    const teamA = (await establish(a, [a1, a2], 'Tổ CNSCĐ A')).team!;
    const teamB = (await establish(b, [b1], 'Tổ CNSCĐ B')).team!;
    const teamD = (await establish(d, [d1], 'Tổ CNSCĐ D')).team!;
    expect((await establish(a, [a2], 'Tổ trùng')).userErrors.map((e) => e.code)).toEqual(['VILLAGE_ALREADY_SERVED']);

    await join(teamA.id, 'LEADER', true, 'Nguyễn Thị Hoa');
    await join(teamA.id, 'MEMBER', false, 'Phạm Văn Đức');
    await join(teamB.id, 'LEADER', false, 'Hoàng Văn Em');
    await join(teamD.id, 'LEADER', false, 'Võ Thị Giang');
    await join(teamD.id, 'DEPUTY', true, 'Đặng Văn Hùng');
    expect((await join(teamB.id, 'MEMBER', false, 'Bùi Thị Lan')).team?.members).toHaveLength(2);

    // The scenario's figures, computed here independently of the read models.
    const scenario = {
      [a]: { teams: 1, villages: 2, covered: 2, members: 2, leaders: 1, yu: 1, withoutYu: 0 },
      [b]: { teams: 1, villages: 2, covered: 1, members: 2, leaders: 1, yu: 0, withoutYu: 1 },
      [c]: { teams: 0, villages: 1, covered: 0, members: 0, leaders: 0, yu: 0, withoutYu: 0 },
      [d]: { teams: 1, villages: 1, covered: 1, members: 2, leaders: 1, yu: 1, withoutYu: 0 },
    };
    const expected = (codes: string[]): Stats => {
      const rows = codes.map((code) => scenario[code]!);
      const sum = (key: keyof (typeof rows)[number]): number => rows.reduce((total, row) => total + row[key], 0);
      return {
        activeTeams: sum('teams'),
        villages: sum('villages'),
        villagesCovered: sum('covered'),
        coverageRatio: sum('covered') / sum('villages'),
        communesAtFullCoverage: rows.filter((row) => row.villages > 0 && row.covered === row.villages).length,
        members: sum('members'),
        leaders: sum('leaders'),
        youthUnionMembers: sum('yu'),
        youthUnionShare: sum('yu') / sum('members'),
        teamsWithoutYouthUnionMember: sum('withoutYu'),
      };
    };
    expect(await stats(a, 'COMMUNE')).toMatchObject(expected([a]));
    expect(await stats('01', 'PROVINCE')).toMatchObject({ name: 'Hà Nội', ...expected([a, b, c]) });
    expect(await stats('79', 'PROVINCE')).toMatchObject(expected([d]));
    expect(await stats('VN', 'NATIONAL')).toMatchObject(expected([a, b, c, d]));
    // Before the decisions took effect (1 Aug) the five villages of Hà Nội existed but no team did.
    expect(await gql(`{ unitStatistics(code: "01", level: PROVINCE, asOf: "2025-07-20") { activeTeams villages } }`)).toEqual({
      unitStatistics: { activeTeams: 0, villages: 5 },
    });
  });
});
