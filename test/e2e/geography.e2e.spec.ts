import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { importAdminUnits } from '@cdtt/geography';
import { loadConfig, openRuntime, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { startProjector, type RunningProjector } from '../../apps/projector/src/projector';
import { waitForProjections } from './support/catch-up';

/** The geography lib's small fixture tree (data, not code): provinces 97/98, which no real unit uses. */
const FIXTURE_FOLDER = resolve(__dirname, '../../libs/geography/src/application/import/fixtures/admin-units');
const anyString = expect.any(String) as unknown;

interface GqlResponse {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions: { code: string; fields?: unknown } }>;
}

const VILLAGE_FIELDS = 'village { id communeCode name kind households status registeredOn retiredOn version } version userErrors { code field message }';

/** Geography over real HTTP: the fixture tree (provinces 97/98), villages, error codes. */
describe('geography API over HTTP', () => {
  let runtime: Runtime;
  let app: INestApplication;
  let projector: RunningProjector;
  // Villages of this run get a unique suffix: the test database is shared and kept.
  const run = randomBytes(3).toString('hex');

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> => {
    const response = await request(app.getHttpServer() as App).post('/graphql').set('content-type', 'application/json').send({ query, variables });
    return response.body as GqlResponse;
  };
  const register = (input: Record<string, unknown>) =>
    gql(`mutation($input: RegisterVillageInput!) { registerVillage(input: $input) { ${VILLAGE_FIELDS} } }`, { input });

  beforeAll(async () => {
    runtime = await openRuntime(loadConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE, RUN_PROJECTOR: 'false' }), 'cdtt-geography-e2e');
    await importAdminUnits(runtime.eventStore, FIXTURE_FOLDER);
    projector = await startProjector(runtime);
    // The shared log may be long (the real import): let the geography projections catch up first.
    await waitForProjections(runtime, ['admin_units_v1', 'admin_unit_successions_v1', 'villages_v1'], 90_000);
    app = await NestFactory.create(AppModule.register(runtime), { logger: false });
    await app.init();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await projector?.stop();
    await runtime?.close();
  });

  it('reads a commune as in force before and after 2025-07-01', async () => {
    const query = `query($asOf: String) { before: adminUnit(code: "97004", level: COMMUNE, asOf: $asOf) { code fullName type parentCode validTo }
      reused: adminUnit(code: "97010", level: COMMUNE, asOf: $asOf) { id parentCode validFrom } }`;
    const before = await gql(query, { asOf: '2025-06-30' });
    expect(before.data).toEqual({
      before: { code: '97004', fullName: 'Thị trấn Bình', type: 'Thị trấn', parentCode: '991', validTo: '2025-07-01' },
      reused: { id: anyString, parentCode: '992', validFrom: null },
    });
    const after = await gql(query, { asOf: '2025-07-01' });
    expect(after.data).toEqual({ before: null, reused: { id: anyString, parentCode: '97', validFrom: '2025-07-01' } });
    const reusedId = (after.data?.reused as { id: string }).id;
    expect(reusedId).not.toBe((before.data?.reused as { id: string }).id);
    const node = await gql(`query($id: ID!) { node(id: $id) { id ... on AdminUnit { code validFrom } } }`, { id: reusedId });
    expect(node.data?.node).toEqual({ id: reusedId, code: '97010', validFrom: '2025-07-01' });
    // The level may be left out: an official code's length tells it.
    const byCode = await gql(`{ commune: adminUnit(code: "97010", asOf: "2025-07-01") { id } province: adminUnit(code: "97") { code } }`);
    expect(byCode.data).toEqual({ commune: { id: reusedId }, province: { code: '97' } });
  });

  it('lists units of a province on a date, page by page', async () => {
    const query = `query($after: String) { adminUnits(level: COMMUNE, parentCode: "97", asOf: "2025-07-01", first: 3, after: $after) {
      totalCount nodes { code type } pageInfo { hasNextPage endCursor } } }`;
    const first = await gql(query);
    const page = first.data?.adminUnits as { totalCount: number; nodes: Array<{ code: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page.totalCount).toBe(4);
    expect(page.nodes.map((n) => n.code)).toEqual(['97001', '97010', '97990']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await gql(query, { after: page.pageInfo.endCursor });
    expect(second.data?.adminUnits).toMatchObject({ nodes: [{ code: '98001', type: 'Phường' }], pageInfo: { hasNextPage: false } });
    const districts = await gql(`{ adminUnits(level: DISTRICT, parentCode: "97", asOf: "2025-06-30") { totalCount } }`);
    expect(districts.data?.adminUnits).toEqual({ totalCount: 3 });
  });

  it('refuses a malformed date or cursor with BAD_USER_INPUT', async () => {
    const badDate = await gql(`{ adminUnit(code: "97010", level: COMMUNE, asOf: "2025-02-30") { code } }`);
    expect(badDate.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const badCursor = await gql(`{ adminUnits(level: PROVINCE, after: "nope") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('registers, renames and retires a village, with coded refusals', async () => {
    const name = `Tổ dân phố ${run}`;
    const input = { communeCode: '97010', name, kind: 'TO_DAN_PHO', households: 85, registeredOn: '2025-08-01', idempotencyKey: `reg-${run}` };
    const created = (await register(input)).data?.registerVillage as { village: { id: string; version: number }; version: number; userErrors: unknown[] };
    expect(created).toMatchObject({ version: 0, userErrors: [], village: { communeCode: '97010', name, kind: 'TO_DAN_PHO', households: 85, status: 'ACTIVE', version: 0 } });
    // Same key, same input: the first answer, nothing written.
    expect((await register(input)).data?.registerVillage).toEqual(created);
    expect((await register({ ...input, households: 86 })).errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const taken = (await register({ ...input, idempotencyKey: undefined })).data?.registerVillage;
    expect(taken).toMatchObject({ village: null, userErrors: [{ code: 'VILLAGE_NAME_TAKEN', field: ['input', 'name'] }] });
    const closed = (await register({ ...input, idempotencyKey: undefined, communeCode: '97004' })).data?.registerVillage;
    expect(closed).toMatchObject({ userErrors: [{ code: 'COMMUNE_NOT_IN_FORCE', field: ['input', 'communeCode'] }] });
    expect((await register({ ...input, idempotencyKey: undefined, name: 'Th\u0007ôn' })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const rename = (over: Record<string, unknown>) =>
      gql(`mutation($input: RenameVillageInput!) { renameVillage(input: $input) { ${VILLAGE_FIELDS} } }`, {
        input: { villageId: created.village.id, name: `${name} mới`, renamedOn: '2025-09-01', ...over },
      });
    expect((await rename({ expectedVersion: 3 })).data?.renameVillage).toMatchObject({ userErrors: [{ code: 'VERSION_CONFLICT' }] });
    expect((await rename({ expectedVersion: 0 })).data?.renameVillage).toMatchObject({ version: 1, village: { name: `${name} mới`, version: 1 } });

    const retired = await gql(`mutation($input: RetireVillageInput!) { retireVillage(input: $input) { ${VILLAGE_FIELDS} } }`, {
      input: { villageId: created.village.id, retiredOn: '2026-01-01', reason: 'sáp nhập', expectedVersion: 1 },
    });
    expect(retired.data?.retireVillage).toMatchObject({ version: 2, village: { status: 'RETIRED', retiredOn: '2026-01-01' } });
    expect((await rename({ name: 'Khác' })).data?.renameVillage).toMatchObject({ userErrors: [{ code: 'VILLAGE_RETIRED' }] });
    expect((await rename({ villageId: 'bm9wZQ' })).data?.renameVillage).toMatchObject({ userErrors: [{ code: 'VILLAGE_NOT_FOUND' }] });

    const list = await gql(`{ villages(communeCode: "97010", first: 100) { totalCount nodes { id name status } } }`);
    expect((list.data?.villages as { nodes: unknown[] }).nodes).toContainEqual({ id: created.village.id, name: `${name} mới`, status: 'RETIRED' });
    const node = await gql(`query($id: ID!) { node(id: $id) { ... on Village { name version } } }`, { id: created.village.id });
    expect(node.data?.node).toEqual({ name: `${name} mới`, version: 2 });
  });
});
