import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Prefix } from '../deterministic-id';

/** The upstream JSON shapes (see /shared/data/admin-units/README.md); only the fields we read. */
export interface PreWard {
  readonly Code: string;
  readonly Name: string;
  readonly NameEn: string;
  readonly FullName: string;
}
export interface PreDistrict extends PreWard {
  readonly Ward: readonly PreWard[] | null;
}
export interface PreProvince extends PreWard {
  readonly District: readonly PreDistrict[] | null;
}
export interface PostWard extends PreWard {
  readonly AdministrativeUnitShortName: string;
}
export interface PostProvince extends PostWard {
  readonly Wards: readonly PostWard[] | null;
}
export interface MergeEdge {
  readonly old_id: string;
  readonly type: string;
}
export interface MergesFile {
  readonly data: ReadonlyArray<{
    readonly level1_id: string;
    readonly merges: readonly MergeEdge[];
    readonly level2s: ReadonlyArray<{ readonly level2_id: string; readonly name: string; readonly merges: readonly MergeEdge[] }>;
  }>;
}
interface SplitTarget {
  readonly new_id: string;
}
export interface SplitsFile {
  readonly data: ReadonlyArray<{
    readonly level3s?: ReadonlyArray<{ readonly level3_id: string; readonly splits: readonly SplitTarget[] }>;
    readonly level2s?: ReadonlyArray<{ readonly level2_id: string; readonly splits: readonly SplitTarget[] }>;
  }>;
}

/** A file and the dataset id naming it: relative path + SHA-256 prefix of its bytes. */
export interface Loaded<T> {
  readonly dataset: string;
  readonly content: T;
}

export interface AdminUnitFiles {
  readonly pre: Loaded<readonly PreProvince[]>;
  readonly post: Loaded<readonly PostProvince[]>;
  readonly merges: Loaded<MergesFile>;
  readonly splits: Loaded<SplitsFile>;
}

export const PRE_2025_FILE = 'pre-2025-three-tier/simplified_json_generated_data_vn_units.json';
/**
 * v3.0.2 is the list as of 1 Jul 2025 (Decision 19/2025/QĐ-TTg). v4.2.0 folds in 2026 changes
 * (types, names) that took effect on later dates; loading it as "valid from 2025-07-01" would
 * misstate the tree between the reform and those changes. They belong in later dated events.
 */
export const POST_2025_FILE = 'post-2025-two-tier/full_json_generated_data_vn_units_v3.0.2.json';
export const MERGES_FILE = 'mapping-2025/merges.json';
export const SPLITS_FILE = 'mapping-2025/splits.json';

async function load<T>(folder: string, relative: string, check: (value: unknown) => boolean): Promise<Loaded<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(folder, relative));
  } catch (error) {
    throw new Error(`cannot read ${relative} under ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed: unknown = JSON.parse(bytes.toString('utf8'));
  if (!check(parsed)) throw new Error(`${relative} does not have the expected shape`);
  return { dataset: `${relative}@${sha256Prefix(bytes)}`, content: parsed as T };
}

const hasData = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);

/** Reads the four files of the admin-units folder; fails with the file name when one is unusable. */
export async function readAdminUnitFiles(folder: string): Promise<AdminUnitFiles> {
  // Say every missing file at once (and a wrong folder as such), not whichever read failed first.
  const files = [PRE_2025_FILE, POST_2025_FILE, MERGES_FILE, SPLITS_FILE];
  if (!existsSync(folder)) throw new Error(`admin-units folder not found: ${folder}`);
  const missing = files.filter((file) => !existsSync(join(folder, file)));
  if (missing.length > 0) throw new Error(`missing under ${folder}: ${missing.join(', ')}`);
  const [pre, post, merges, splits] = await Promise.all([
    load<readonly PreProvince[]>(folder, PRE_2025_FILE, Array.isArray),
    load<readonly PostProvince[]>(folder, POST_2025_FILE, Array.isArray),
    load<MergesFile>(folder, MERGES_FILE, hasData),
    load<SplitsFile>(folder, SPLITS_FILE, hasData),
  ]);
  return { pre, post, merges, splits };
}
