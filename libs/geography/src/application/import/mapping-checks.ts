import type { AdministrativeUnitSucceededData } from '../../domain/admin-unit.events';
import type { SplitsFile } from './admin-unit-files';
import type { UnitGroup } from './admin-unit-records';
import type { IssueLog } from './import-issues';
import { MAPPING_CODE_PATCHES } from './succession-edges';

const patched = (code: string): string => MAPPING_CODE_PATCHES.find((p) => p.from === code)?.to ?? code;

/**
 * Cross-checks that load nothing but tell a human where the mapping is doubtful:
 * splits.json (old → new) against merges.json (new → old), and new communes that reuse an old
 * code the mapping sends elsewhere (e.g. Ia Băng 23710, README "Caveats").
 */
export function checkMapping(
  splits: SplitsFile,
  edges: readonly AdministrativeUnitSucceededData[],
  pre: readonly UnitGroup[],
  post: readonly UnitGroup[],
  issues: IssueLog,
): void {
  const oldCommunes = new Map(pre.flatMap((g) => g.units).filter((u) => u.level === 'COMMUNE').map((u) => [u.code, u.fullName]));
  const loaded = new Set(edges.filter((e) => e.fromLevel !== 'PROVINCE').map((e) => `${e.fromCode}>${e.toCode}`));
  for (const province of splits.data) {
    const rows = [...(province.level3s ?? []).map((r) => ({ from: r.level3_id, splits: r.splits })), ...(province.level2s ?? []).map((r) => ({ from: r.level2_id, splits: r.splits }))];
    for (const row of rows) {
      for (const target of row.splits) {
        const key = `${row.from}>${patched(target.new_id)}`;
        // Edges from codes missing in the old list were already rejected with their reason.
        const known = oldCommunes.has(row.from) || row.from.length === 3;
        if (known && !loaded.has(key)) issues.note('SPLITS_EDGE_NOT_LOADED', key.replace('>', ' → '), 'edge listed in splits.json is not among the loaded merges.json edges');
      }
    }
  }
  const targets = new Map<string, string[]>();
  for (const e of edges) if (e.fromLevel === 'COMMUNE') targets.set(e.fromCode, [...(targets.get(e.fromCode) ?? []), e.toCode]);
  for (const unit of post.flatMap((g) => g.units)) {
    const oldName = oldCommunes.get(unit.code);
    if (unit.level !== 'COMMUNE' || oldName === undefined || loaded.has(`${unit.code}>${unit.code}`)) continue;
    const sentTo = (targets.get(unit.code) ?? []).join(', ') || 'nowhere';
    issues.note('CODE_REUSED_WITHOUT_EDGE', `COMMUNE ${unit.code}`, `${unit.fullName} reuses the code of old ${oldName}, which the mapping sends to ${sentTo}: not patched, a human should confirm`);
  }
  for (const [code, name] of oldCommunes) {
    if (!targets.has(code)) issues.note('OLD_COMMUNE_WITHOUT_SUCCESSOR', `COMMUNE ${code}`, `old ${name} has no successor in the mapping`);
  }
}
