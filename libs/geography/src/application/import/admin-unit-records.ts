import { REFORM_DATE, type AdminLevel, type AdministrativeUnitRecordedData } from '../../domain/admin-unit.events';
import type { Loaded, PostProvince, PostWard, PreProvince, PreWard } from './admin-unit-files';
import type { IssueLog } from './import-issues';

/** Units of one province of one dataset: appended together to one stream. */
export interface UnitGroup {
  readonly dataset: string;
  readonly provinceCode: string;
  readonly units: AdministrativeUnitRecordedData[];
}

const CODE_PATTERN: Record<AdminLevel, RegExp> = { PROVINCE: /^\d{2}$/, DISTRICT: /^\d{3}$/, COMMUNE: /^\d{5}$/ };
/** Longest first, so "Thành phố" wins over a shorter prefix. */
const TYPE_PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];

const nfc = (value: unknown): string => (typeof value === 'string' ? value.normalize('NFC').trim() : '');

function typeFromFullName(fullName: string): string | null {
  return TYPE_PREFIXES.find((prefix) => fullName.startsWith(`${prefix} `)) ?? null;
}

interface UnitDraft {
  readonly level: AdminLevel;
  readonly raw: PreWard;
  readonly type: string | null;
  readonly parentCode: string | null;
  readonly provinceCode: string;
}

/** Validates one upstream record; a bad or duplicate one is rejected with its reason, not loaded. */
class UnitCollector {
  private readonly seen = new Set<string>();

  constructor(
    private readonly issues: IssueLog,
    private readonly dataset: string,
    private readonly validity: { readonly validFrom: string | null; readonly validTo: string | null },
  ) {}

  collect(draft: UnitDraft, into: AdministrativeUnitRecordedData[]): boolean {
    const code = typeof draft.raw.Code === 'string' ? draft.raw.Code : String(draft.raw.Code);
    const subject = `${draft.level} ${code} (${this.dataset})`;
    const name = nfc(draft.raw.Name);
    const fullName = nfc(draft.raw.FullName);
    if (!CODE_PATTERN[draft.level].test(code)) {
      this.issues.rejected('CODE_MALFORMED', subject, `code "${code}" is not a ${draft.level} code`);
      return false;
    }
    if (name === '' || fullName === '') {
      this.issues.rejected('NAME_MISSING', subject, 'the record has no name');
      return false;
    }
    const type = draft.type === null ? null : nfc(draft.type);
    if (!type) {
      this.issues.rejected('TYPE_UNKNOWN', subject, `cannot tell the unit type of "${fullName}"`);
      return false;
    }
    if (this.seen.has(`${draft.level}:${code}`)) {
      this.issues.rejected('CODE_DUPLICATE', subject, 'the code appears twice in the file; the first record was kept');
      return false;
    }
    this.seen.add(`${draft.level}:${code}`);
    into.push({
      level: draft.level,
      code,
      name,
      fullName,
      nameEn: nfc(draft.raw.NameEn),
      type,
      parentCode: draft.parentCode,
      provinceCode: draft.provinceCode,
      ...this.validity,
      source: this.dataset,
    });
    return true;
  }
}

/** The last three-tier list: in force until the reform date (exclusive); start unknown. */
export function preReformGroups(file: Loaded<readonly PreProvince[]>, issues: IssueLog): UnitGroup[] {
  const collector = new UnitCollector(issues, file.dataset, { validFrom: null, validTo: REFORM_DATE });
  const groups: UnitGroup[] = [];
  for (const province of file.content) {
    const units: AdministrativeUnitRecordedData[] = [];
    const p = { level: 'PROVINCE', raw: province, parentCode: null, provinceCode: province.Code } as const;
    if (!collector.collect({ ...p, type: typeFromFullName(nfc(province.FullName)) }, units)) continue;
    for (const district of province.District ?? []) {
      const d = { level: 'DISTRICT', raw: district, parentCode: province.Code, provinceCode: province.Code } as const;
      if (!collector.collect({ ...d, type: typeFromFullName(nfc(district.FullName)) }, units)) continue;
      if (!district.Ward || district.Ward.length === 0) {
        issues.note('DISTRICT_WITHOUT_COMMUNES', `DISTRICT ${district.Code}`, `${nfc(district.FullName)} has no communes in the list (island district): recorded as a district only`);
      }
      for (const ward of district.Ward ?? []) {
        const c = { level: 'COMMUNE', raw: ward, parentCode: district.Code, provinceCode: province.Code } as const;
        collector.collect({ ...c, type: typeFromFullName(nfc(ward.FullName)) }, units);
      }
    }
    groups.push({ dataset: file.dataset, provinceCode: province.Code, units });
  }
  return groups;
}

/** The two-tier list as of the reform date: in force from it, no end yet. */
export function postReformGroups(file: Loaded<readonly PostProvince[]>, issues: IssueLog): UnitGroup[] {
  const collector = new UnitCollector(issues, file.dataset, { validFrom: REFORM_DATE, validTo: null });
  const groups: UnitGroup[] = [];
  for (const province of file.content) {
    const units: AdministrativeUnitRecordedData[] = [];
    const draft = (level: AdminLevel, raw: PostWard, parentCode: string | null): UnitDraft => ({
      level,
      raw,
      parentCode,
      provinceCode: province.Code,
      type: raw.AdministrativeUnitShortName ?? typeFromFullName(nfc(raw.FullName)),
    });
    if (!collector.collect(draft('PROVINCE', province, null), units)) continue;
    for (const ward of province.Wards ?? []) collector.collect(draft('COMMUNE', ward, province.Code), units);
    groups.push({ dataset: file.dataset, provinceCode: province.Code, units });
  }
  return groups;
}
