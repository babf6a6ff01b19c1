import { REFORM_DATE, type AdminLevel, type AdministrativeUnitSucceededData } from '../../domain/admin-unit.events';
import type { AdminUnitFiles, MergeEdge } from './admin-unit-files';
import type { UnitGroup } from './admin-unit-records';
import type { IssueLog } from './import-issues';

/** Edges into one new province: appended together to one stream. */
export interface SuccessionGroup {
  readonly dataset: string;
  readonly provinceCode: string;
  readonly edges: AdministrativeUnitSucceededData[];
}

/**
 * New-commune codes where the mapping disagrees with the official post-2025 list, which is the
 * reference (README "Caveats"). Applied only while the mapping's code is absent from the list.
 */
export const MAPPING_CODE_PATCHES: ReadonlyArray<{ readonly from: string; readonly to: string; readonly why: string }> = [
  { from: '06970', to: '06978', why: 'Xã Ba Chẽ: the post-2025 list corrects 06970 (letter 1027/CTK-CSCL) to 06978' },
  { from: '23737', to: '23938', why: 'Xã Ia Mơ: 23737 is the old code of Xã Ia Mơ Nông; the list uses 23938 (old Xã Ia Mơ)' },
];

type KnownCodes = Record<AdminLevel, Map<string, string>>;

function knownCodes(groups: readonly UnitGroup[]): KnownCodes {
  const known: KnownCodes = { PROVINCE: new Map(), DISTRICT: new Map(), COMMUNE: new Map() };
  for (const unit of groups.flatMap((group) => group.units)) known[unit.level].set(unit.code, unit.fullName);
  return known;
}

/** Resolves the mapping's new-commune code against the post-2025 list, patching known defects. */
function newCommuneCode(code: string, post: KnownCodes, issues: IssueLog, reported: Set<string>): string {
  const patch = MAPPING_CODE_PATCHES.find((p) => p.from === code);
  if (!patch || post.COMMUNE.has(code) || !post.COMMUNE.has(patch.to)) return code;
  if (!reported.has(code)) issues.patched('MAPPING_CODE_CORRECTED', `COMMUNE ${code}`, `mapping code ${code} → ${patch.to}: ${patch.why}`);
  reported.add(code);
  return patch.to;
}

function kindOf(edge: MergeEdge): 'FULL' | 'PARTIAL' | null {
  return edge.type === 'full' ? 'FULL' : edge.type === 'partial' ? 'PARTIAL' : null;
}

interface Context {
  readonly pre: KnownCodes;
  readonly post: KnownCodes;
  readonly issues: IssueLog;
  readonly source: string;
}

/** Checks one old→new edge; returns the event data or reports why it is not loaded. */
function edgeOf(ctx: Context, fromCode: string, toLevel: AdminLevel, toCode: string, raw: MergeEdge): AdministrativeUnitSucceededData | null {
  const fromLevel: AdminLevel = toLevel === 'PROVINCE' ? 'PROVINCE' : fromCode.length === 3 ? 'DISTRICT' : 'COMMUNE';
  const subject = `${fromLevel} ${fromCode} → ${toLevel} ${toCode}`;
  const kind = kindOf(raw);
  if (!ctx.pre[fromLevel].has(fromCode)) {
    ctx.issues.rejected('OLD_CODE_NOT_IN_PRE_2025_LIST', subject, `old ${fromLevel.toLowerCase()} ${fromCode} is not in the pre-2025 list (merged before 2025; the GSO service still listed it)`);
    return null;
  }
  if (!ctx.post[toLevel].has(toCode)) {
    ctx.issues.rejected('NEW_CODE_NOT_IN_POST_2025_LIST', subject, `new ${toLevel.toLowerCase()} ${toCode} is not in the post-2025 list`);
    return null;
  }
  if (kind === null) {
    ctx.issues.rejected('EDGE_KIND_UNKNOWN', subject, `edge type "${raw.type}" is neither full nor partial`);
    return null;
  }
  return { fromLevel, fromCode, toLevel, toCode, kind, effectiveOn: REFORM_DATE, source: ctx.source };
}

/** The 2025 mapping (merges.json, new → old) as succession edges grouped by new province. */
export function successionGroups(files: AdminUnitFiles, pre: readonly UnitGroup[], post: readonly UnitGroup[], issues: IssueLog): SuccessionGroup[] {
  const ctx: Context = { pre: knownCodes(pre), post: knownCodes(post), issues, source: files.merges.dataset };
  const reported = new Set<string>();
  const groups: SuccessionGroup[] = [];
  for (const province of files.merges.content.data) {
    const edges: AdministrativeUnitSucceededData[] = [];
    for (const raw of province.merges) {
      const edge = edgeOf(ctx, raw.old_id, 'PROVINCE', province.level1_id, raw);
      if (edge) edges.push(edge);
    }
    for (const commune of province.level2s) {
      const toCode = newCommuneCode(commune.level2_id, ctx.post, issues, reported);
      for (const raw of commune.merges) {
        const edge = edgeOf(ctx, raw.old_id, 'COMMUNE', toCode, raw);
        if (edge) edges.push(edge);
      }
    }
    groups.push({ dataset: files.merges.dataset, provinceCode: province.level1_id, edges });
  }
  return groups;
}
