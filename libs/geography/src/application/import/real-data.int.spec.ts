import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig, openRuntime, type Runtime } from '@cdtt/platform';
import { GeographyReadService } from '../../read-models/geography-read.service';
import { GEOGRAPHY_PROJECTIONS } from '../../read-models/geography.projections';
import { readAdminUnitFiles } from './admin-unit-files';
import { importAdminUnits } from './import-admin-units';
import { planImport } from './import-plan';

/** shared/ sits beside the repository (here and in CI); ADMIN_UNITS_DIR points elsewhere. */
const REAL_FOLDER = process.env.ADMIN_UNITS_DIR ?? resolve(process.cwd(), '..', 'shared', 'data', 'admin-units');

/**
 * 25k events in the shared test database would make every projection that starts from the
 * beginning of the log (other suites' runners) replay them: this suite uses a database of its
 * own, created on the server and dropped afterwards. The embedded PGlite cannot create one.
 */
const onServer = process.env.EMBEDDED_POSTGRES !== '1';
if (!onServer) console.warn('real admin-unit import skipped: it needs a PostgreSQL server (DATABASE_URL) to create its own database');

(onServer ? describe : describe.skip)('import of the real admin-unit files', () => {
  let runtime: Runtime;
  let connected = false;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const scratch = `geo_real_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    if (!existsSync(REAL_FOLDER)) {
      throw new Error(`The real admin-unit data is missing: expected ${REAL_FOLDER} (shared/ beside the repository root)`);
    }
    await admin.connect();
    connected = true;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${scratch}`;
    runtime = await openRuntime(loadConfig({ DATABASE_URL: url.toString(), RUN_PROJECTOR: 'false' }), 'geography-real-import');
  }, 30_000);
  afterAll(async () => {
    if (!connected) return;
    await runtime?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it('loads 63/696/10,035 before and 34/3,321 after, reports the known defects, and a second run writes nothing', async () => {
    const first = await importAdminUnits(runtime.eventStore, REAL_FOLDER);
    expect(first.written).toBe(first.planned);
    console.log(`first run: ${first.written} written, ${first.alreadyStored} already stored, ${Math.round(first.elapsedMs)} ms`);
    const [pre, post, mapping] = first.datasets;
    expect(pre?.counts).toEqual({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10_035 });
    expect(post?.counts).toEqual({ PROVINCE: 34, DISTRICT: 0, COMMUNE: 3_321 });
    // merges.json: 10,604 edges minus the 12 old codes missing from the old list; 63 province edges.
    expect(mapping?.counts).toEqual({ 'PROVINCE→PROVINCE FULL': 63, 'COMMUNE→COMMUNE FULL': 9_575, 'COMMUNE→COMMUNE PARTIAL': 1_012, 'DISTRICT→COMMUNE FULL': 5 });
    expect(first.written + first.alreadyStored).toBe(first.planned);
    const byReason = (reason: string) => first.issues.filter((i) => i.reason === reason).map((i) => i.subject.split(' ')[1]);
    expect(byReason('OLD_CODE_NOT_IN_PRE_2025_LIST').sort()).toEqual(['07693', '07732', '07744', '16387', '16411', '18448', '20176', '20674', '25102', '25174', '25177', '25186']);
    expect(byReason('MAPPING_CODE_CORRECTED')).toEqual(['06970', '23737']);
    expect(byReason('CODE_REUSED_WITHOUT_EDGE')).toEqual(['23710']);
    expect(byReason('DISTRICT_WITHOUT_COMMUNES')).toEqual(['318', '471', '498', '536', '755']);
    expect(first.issues).toHaveLength(12 + 2 + 1 + 5);

    const second = await importAdminUnits(runtime.eventStore, REAL_FOLDER);
    console.log(`second run: ${second.written} written, ${second.alreadyStored} already stored, ${Math.round(second.elapsedMs)} ms`);
    expect(second.written).toBe(0);
    expect(second.alreadyStored).toBe(second.planned);
    expect(second.lastPosition).toBe(first.lastPosition);
  }, 120_000);

  it('projects the tree in force before and after 2025-07-01', async () => {
    const started = performance.now();
    const plan = planImport(await readAdminUnitFiles(REAL_FOLDER));
    const projections = GEOGRAPHY_PROJECTIONS.filter((p) => p.name !== 'villages_v1');
    for (const stream of plan.streams) {
      const events = await runtime.eventStore.readStream(stream.streamName);
      await runtime.dataSource.transaction(async (manager) => {
        for (const event of events) for (const p of projections) if (p.eventTypes.includes(event.type)) await p.apply(event, manager);
      });
    }
    console.log(`projected ${plan.eventCount} events in ${Math.round(performance.now() - started)} ms`);
    const reads = new GeographyReadService(runtime.dataSource);
    const real = async (level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE', asOf: string) => (await reads.listUnits(level, null, asOf, 1)).totalCount;
    expect(await real('PROVINCE', '2025-06-30')).toBe(63);
    expect(await real('COMMUNE', '2025-06-30')).toBe(10_035);
    expect(await real('PROVINCE', '2025-07-01')).toBe(34);
    expect(await real('DISTRICT', '2025-06-30')).toBe(696);
    expect(await real('COMMUNE', '2025-07-01')).toBe(3_321);
    expect(await real('DISTRICT', '2025-07-01')).toBe(0);
    expect(await reads.findUnit('COMMUNE', '06978', '2025-07-01')).toMatchObject({ name: 'Ba Chẽ', provinceCode: '22' });
    expect(await reads.findSuccessors('COMMUNE', '06970')).toEqual([expect.objectContaining({ toCode: '06978', kind: 'FULL' })]);
  }, 120_000);
});
