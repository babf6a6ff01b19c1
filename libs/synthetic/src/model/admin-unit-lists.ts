import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Country, NewCommune, OldCommune } from './country';

// The layout of shared/data/admin-units (see its README); the importer reads the same files.
const PRE_2025 = 'pre-2025-three-tier/simplified_json_generated_data_vn_units.json';
const POST_2025 = 'post-2025-two-tier/full_json_generated_data_vn_units_v3.0.2.json';
const MERGES = 'mapping-2025/merges.json';

interface PreProvince {
  readonly Code: string;
  readonly District: ReadonlyArray<{ readonly Ward: ReadonlyArray<{ readonly Code: string; readonly FullName: string }> | null }>;
}
interface PostProvince {
  readonly Code: string;
  readonly Wards: ReadonlyArray<{ readonly Code: string; readonly Name: string; readonly AdministrativeUnitShortName: string }>;
}
interface Merges {
  readonly data: ReadonlyArray<{ readonly level2s: ReadonlyArray<{ readonly level2_id: string; readonly merges: ReadonlyArray<{ readonly old_id: string }> }> }>;
}

async function readJson<T>(folder: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(folder, file), 'utf8')) as T;
}

/**
 * Reads the official lists into a `Country`. Old communes absent from the pre-2025 list (merged
 * before 2025 but still in the mapping) are left out: the registry never had them in force. An old
 * commune split between new ones is the predecessor of the first only, so its villages (and their
 * names, unique per commune) are generated once.
 */
export async function readCountry(folder: string): Promise<Country> {
  const [pre, post, merges] = await Promise.all([
    readJson<PreProvince[]>(folder, PRE_2025),
    readJson<PostProvince[]>(folder, POST_2025),
    readJson<Merges>(folder, MERGES),
  ]);
  const oldCommunes = new Map<string, OldCommune>();
  for (const province of pre) {
    for (const district of province.District) {
      for (const ward of district.Ward ?? []) {
        oldCommunes.set(ward.Code, { code: ward.Code, provinceCode: province.Code, urban: !ward.FullName.startsWith('Xã') });
      }
    }
  }
  const predecessors = new Map<string, OldCommune[]>();
  const assigned = new Set<string>();
  for (const province of merges.data) {
    for (const commune of province.level2s) {
      const own: OldCommune[] = [];
      for (const edge of commune.merges) {
        const old = oldCommunes.get(edge.old_id);
        if (!old || assigned.has(old.code)) continue;
        assigned.add(old.code);
        own.push(old);
      }
      predecessors.set(commune.level2_id, own);
    }
  }
  const communes: NewCommune[] = [];
  for (const province of post) {
    for (const ward of province.Wards) {
      communes.push({
        code: ward.Code,
        name: ward.Name,
        provinceCode: province.Code,
        urban: ward.AdministrativeUnitShortName === 'Phường',
        predecessors: predecessors.get(ward.Code) ?? [],
      });
    }
  }
  return { communes };
}
