import { isUuid } from '@cdtt/event-sourcing';
import type { AdministrativeUnitRecordedData, AdministrativeUnitSucceededData } from '../../domain/admin-unit.events';
import { readAdminUnitFiles, type AdminUnitFiles } from './admin-unit-files';
import { FIXTURE_FOLDER } from './fixtures/fixture-folder';
import { planImport } from './import-plan';

describe('planImport on the fixture folder', () => {
  let files: AdminUnitFiles;
  beforeAll(async () => {
    files = await readAdminUnitFiles(FIXTURE_FOLDER);
  });

  it('counts what it loads per dataset', () => {
    const plan = planImport(files);
    expect(plan.datasets.map((d) => d.counts)).toEqual([
      { PROVINCE: 2, DISTRICT: 3 + 1, COMMUNE: 6 },
      { PROVINCE: 1, DISTRICT: 0, COMMUNE: 4 },
      { 'PROVINCE→PROVINCE FULL': 2, 'COMMUNE→COMMUNE FULL': 5, 'COMMUNE→COMMUNE PARTIAL': 2, 'DISTRICT→COMMUNE FULL': 1 },
    ]);
    // Units, edges, and one AdministrativeMappingIssueRecorded per finding.
    expect(plan.eventCount).toBe(12 + 5 + 10 + 4);
  });

  it('reports rejected records with reasons, and the island district', () => {
    const reasons = planImport(files).issues.map((i) => `${i.kind} ${i.reason} ${i.subject.split(' (')[0]}`);
    expect(reasons).toEqual([
      'NOTE DISTRICT_WITHOUT_COMMUNES DISTRICT 999',
      'REJECTED CODE_MALFORMED COMMUNE 980X',
      'REJECTED CODE_DUPLICATE COMMUNE 98001',
      'REJECTED OLD_CODE_NOT_IN_PRE_2025_LIST COMMUNE 97099 → COMMUNE 98001',
    ]);
  });

  it('records unit versions with validity, NFC names and the province they roll up to', () => {
    const units = planImport(files).streams.flatMap((s) => s.events).filter((e) => e.type === 'AdministrativeUnitRecorded');
    const versions = units.map((e) => e.data as AdministrativeUnitRecordedData).filter((u) => u.code === '97010');
    expect(versions).toEqual([
      expect.objectContaining({ level: 'COMMUNE', type: 'Phường', parentCode: '992', provinceCode: '97', validFrom: null, validTo: '2025-07-01' }),
      expect.objectContaining({ level: 'COMMUNE', type: 'Phường', parentCode: '97', provinceCode: '97', validFrom: '2025-07-01', validTo: null }),
    ]);
    expect(versions.every((u) => u.name === u.name.normalize('NFC'))).toBe(true);
  });

  it('derives the same ids and stream names every time, none carrying a code', () => {
    const [a, b] = [planImport(files), planImport(files)];
    expect(b.streams.map((s) => s.streamName)).toEqual(a.streams.map((s) => s.streamName));
    expect(b.streams.flatMap((s) => s.events.map((e) => e.id))).toEqual(a.streams.flatMap((s) => s.events.map((e) => e.id)));
    const ids = a.streams.flatMap((s) => s.events.map((e) => e.id));
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.streams.every((s) => /^admin_(units|successions|mapping_issues)-[0-9a-f-]{36}$/.test(s.streamName))).toBe(true);
  });

  it('patches the known mapping codes (Ba Chẽ 06970→06978) and notes a reused code without its edge', () => {
    const patched: AdminUnitFiles = {
      ...files,
      pre: { ...files.pre, content: [{ ...files.pre.content[0]!, Code: '22', District: [{ Code: '193', Name: 'Ba Chẽ', NameEn: 'Ba Che', FullName: 'Huyện Ba Chẽ', Ward: [
        { Code: '06970', Name: 'Ba Chẽ', NameEn: 'Ba Che', FullName: 'Thị trấn Ba Chẽ' },
        { Code: '06978', Name: 'Lương Mông', NameEn: 'Luong Mong', FullName: 'Xã Lương Mông' },
      ] }] }] },
      post: { ...files.post, content: [{ ...files.post.content[0]!, Code: '22', Wards: [
        { Code: '06978', Name: 'Ba Chẽ', NameEn: 'Ba Che', FullName: 'Xã Ba Chẽ', AdministrativeUnitShortName: 'Xã' },
      ] }] },
      merges: { ...files.merges, content: { data: [{ level1_id: '22', merges: [{ old_id: '22', type: 'full' }], level2s: [
        { level2_id: '06970', name: 'Xã Ba Chẽ', merges: [{ old_id: '06970', type: 'full' }] },
      ] }] } },
      splits: { ...files.splits, content: { data: [] } },
    };
    const plan = planImport(patched);
    const edges = plan.streams.flatMap((s) => s.events).filter((e) => e.type === 'AdministrativeUnitSucceeded').map((e) => e.data as AdministrativeUnitSucceededData);
    expect(edges.map((e) => `${e.fromCode}>${e.toCode}`)).toEqual(['22>22', '06970>06978']);
    expect(plan.issues.map((i) => `${i.kind} ${i.reason}`)).toEqual([
      'PATCHED MAPPING_CODE_CORRECTED',
      'NOTE CODE_REUSED_WITHOUT_EDGE',
      'NOTE OLD_COMMUNE_WITHOUT_SUCCESSOR',
    ]);
  });
});
