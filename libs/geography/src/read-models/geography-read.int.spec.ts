import { InMemoryEventStore, uuidv7Generator, type RecordedEvent } from '@cdtt/event-sourcing';
import { createDataSource, ProvinceScope, runMigrations } from '@cdtt/platform';
import type { DataSource } from 'typeorm';
import { VillageCommandHandler } from '../application/villages/village-command.handler';
import { importAdminUnits } from '../application/import/import-admin-units';
import { FIXTURE_FOLDER } from '../application/import/fixtures/fixture-folder';
import { VillageKind } from '../domain/village-kind';
import { GeographyReadService } from './geography-read.service';
import { GEOGRAPHY_PROJECTIONS } from './geography.projections';

const actor = { clientId: 'geography-int', role: 'ADMIN' };

/** Projections and the read service against real PostgreSQL (the database tests share). */
describe('geography read models', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let reads: GeographyReadService;
  let projected = 0;

  /** Applies every event not yet projected, as the runner would, in one transaction. */
  async function project(): Promise<void> {
    const events: RecordedEvent[] = (await store.readAll()).slice(projected);
    await dataSource.transaction(async (manager) => {
      for (const event of events) {
        for (const projection of GEOGRAPHY_PROJECTIONS) if (projection.eventTypes.includes(event.type)) await projection.apply(event, manager);
      }
    });
    projected += events.length;
  }

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL ?? '', poolSize: 2, applicationName: 'geography-int' });
    await dataSource.initialize();
    await runMigrations(dataSource);
    // Communes 97001 and 97004 of the fixture belong to this suite: start from no villages there.
    await dataSource.query(`DELETE FROM villages_v1 WHERE commune_code IN ('97001', '97004')`);
    store = new InMemoryEventStore();
    reads = new GeographyReadService(dataSource);
    await importAdminUnits(store, FIXTURE_FOLDER);
    await project();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('shows the tree in force on a date: before and after 2025-07-01', async () => {
    expect(await reads.findUnit('COMMUNE', '97004', '2025-06-30')).toMatchObject({ name: 'Bình', type: 'Thị trấn', parentCode: '991', validTo: '2025-07-01' });
    expect(await reads.findUnit('COMMUNE', '97004', '2025-07-01')).toBeNull();
    expect(await reads.findUnit('COMMUNE', '97010', '2025-07-01')).toEqual({
      level: 'COMMUNE', code: '97010', name: 'Dũng', fullName: 'Phường Dũng', type: 'Phường', parentCode: '97', provinceCode: '97', validFrom: '2025-07-01', validTo: null,
    });
    expect(await reads.findUnit('DISTRICT', '992', '2025-06-30')).toMatchObject({ type: 'Thành phố', parentCode: '97' });
    expect(await reads.findUnit('DISTRICT', '992', '2025-07-01')).toBeNull();
  });

  it('lists units under a parent or province, paginated by code', async () => {
    const page1 = await reads.listUnits('COMMUNE', '97', '2025-06-30', 2);
    expect(page1.totalCount).toBe(5);
    expect(page1.hasNextPage).toBe(true);
    expect(page1.edges.map((e) => e.record.code)).toEqual(['97001', '97004']);
    const page3 = await reads.listUnits('COMMUNE', '97', '2025-06-30', 2, (await reads.listUnits('COMMUNE', '97', '2025-06-30', 2, page1.edges.at(-1)!.cursor)).edges.at(-1)!.cursor);
    expect(page3.edges.map((e) => e.record.code)).toEqual(['97013']);
    expect(page3.hasNextPage).toBe(false);
    const after = await reads.listUnits('COMMUNE', '97', '2025-07-01', 10);
    expect(after.edges.map((e) => e.record.code)).toEqual(['97001', '97010', '97990', '98001']);
    expect((await reads.listUnits('COMMUNE', '992', '2025-06-30', 10)).totalCount).toBe(2);
    expect((await reads.listUnits('DISTRICT', '97', '2025-07-01', 10)).totalCount).toBe(0);
    await expect(reads.listUnits('COMMUNE', '97', '2025-06-30', 2, 'garbage')).rejects.toThrow(/cursor/);
  });

  it('keeps the succession edges of the mapping', async () => {
    expect(await reads.findSuccessors('COMMUNE', '97013')).toEqual([
      { fromLevel: 'COMMUNE', fromCode: '97013', toLevel: 'COMMUNE', toCode: '97010', kind: 'PARTIAL', effectiveOn: '2025-07-01' },
      { fromLevel: 'COMMUNE', fromCode: '97013', toLevel: 'COMMUNE', toCode: '98001', kind: 'PARTIAL', effectiveOn: '2025-07-01' },
    ]);
    expect(await reads.findSuccessors('DISTRICT', '999')).toEqual([expect.objectContaining({ toCode: '97990', kind: 'FULL' })]);
  });

  it('registers, renames and retires villages, checking the commune and duplicate names', async () => {
    const villages = new VillageCommandHandler(store, reads, uuidv7Generator);
    const input = { communeCode: '97001', name: 'Thôn Một', kind: VillageKind.THON, households: 80, registeredOn: '2025-08-01' };
    const one = await villages.register(input, actor, ProvinceScope.UNRESTRICTED);
    if (!one.ok) throw new Error(one.error.code);
    await project();
    const two = await villages.register({ ...input, name: 'Thôn Hai', households: null }, actor, ProvinceScope.UNRESTRICTED);
    expect(two.ok).toBe(true);
    await project();
    expect(await villages.register(input, actor, ProvinceScope.UNRESTRICTED)).toMatchObject({ ok: false, error: { code: 'VILLAGE_NAME_TAKEN' } });
    // 97004 was closed by the reform: in force in 2024, not in 2025-08.
    expect(await villages.register({ ...input, communeCode: '97004' }, actor, ProvinceScope.UNRESTRICTED)).toMatchObject({ ok: false, error: { code: 'COMMUNE_NOT_IN_FORCE' } });
    expect((await villages.register({ ...input, communeCode: '97004', registeredOn: '2024-01-01' }, actor, ProvinceScope.UNRESTRICTED)).ok).toBe(true);

    expect(await villages.rename(one.villageId, 'Thôn Hai', '2025-09-01', actor, ProvinceScope.UNRESTRICTED)).toMatchObject({ ok: false, error: { code: 'VILLAGE_NAME_TAKEN' } });
    expect(await villages.rename(one.villageId, 'Thôn Ba', '2025-09-01', actor, ProvinceScope.UNRESTRICTED, 5)).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    expect(await villages.rename(one.villageId, 'Thôn Ba', '2025-09-01', actor, ProvinceScope.UNRESTRICTED, 0)).toMatchObject({ ok: true, revision: 1 });
    expect(await villages.retire(one.villageId, '2026-01-01', 'merged', actor, ProvinceScope.UNRESTRICTED)).toMatchObject({ ok: true, revision: 2 });
    await project();

    const [record] = await reads.findVillages([one.villageId], ProvinceScope.UNRESTRICTED);
    expect(record).toEqual({
      id: one.villageId, communeCode: '97001', name: 'Thôn Ba', kind: 'THON', households: 80, status: 'RETIRED', registeredOn: '2025-08-01', retiredOn: '2026-01-01', version: 2,
    });
    const page = await reads.listVillages('97001', 1, null, ProvinceScope.UNRESTRICTED);
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e) => e.record.name)).toEqual(['Thôn Ba']);
    const next = await reads.listVillages('97001', 1, page.edges[0]!.cursor, ProvinceScope.UNRESTRICTED);
    expect(next.edges.map((e) => e.record.name)).toEqual(['Thôn Hai']);
    expect(next.hasNextPage).toBe(false);
    // The retired village's name is free again.
    expect(await reads.isVillageNameTaken('97001', 'Thôn Ba', null)).toBe(false);
  });

  it("keeps villages to their province's portals: another province's look unknown, auditors never write", async () => {
    const scope = (role: 'PORTAL' | 'AUDITOR', provinceCodes: string[]) => ProvinceScope.of({ clientId: 'p', role, provinceCodes });
    const villages = new VillageCommandHandler(store, reads, uuidv7Generator);
    const input = { communeCode: '97001', name: 'Thôn Phạm Vi', kind: VillageKind.THON, households: null, registeredOn: '2025-08-01' };
    const own = await villages.register(input, actor, scope('PORTAL', ['97']));
    if (!own.ok) throw new Error(own.error.code);
    await project();
    const other = scope('PORTAL', ['01']);
    expect(await villages.register({ ...input, name: 'Thôn Khác' }, actor, other)).toMatchObject({ ok: false, error: { code: 'COMMUNE_NOT_IN_FORCE' } });
    expect(await villages.rename(own.villageId, 'Thôn Lạ', '2025-09-01', actor, other, 0)).toMatchObject({ ok: false, error: { code: 'VILLAGE_NOT_FOUND' } });
    expect(await villages.retire(own.villageId, '2025-09-01', null, actor, other)).toMatchObject({ ok: false, error: { code: 'VILLAGE_NOT_FOUND' } });
    expect(await reads.findVillages([own.villageId], other)).toEqual([]);
    expect((await reads.listVillages('97001', 10, null, other)).totalCount).toBe(0);
    expect(await reads.findVillages([own.villageId], scope('PORTAL', ['97']))).toHaveLength(1);
    const forbidden = expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }) as Error;
    await expect(villages.register({ ...input, name: 'Thôn Kiểm' }, actor, scope('AUDITOR', []))).rejects.toEqual(forbidden);
    await expect(villages.retire(own.villageId, '2025-09-01', null, actor, scope('AUDITOR', []))).rejects.toEqual(forbidden);
    expect(await reads.findVillages([own.villageId], scope('AUDITOR', []))).toHaveLength(1);
  });
});
