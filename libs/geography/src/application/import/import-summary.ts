import type { ImportIssue } from './import-issues';
import type { ImportResult } from './import-admin-units';

const ISSUE_TITLES: Record<ImportIssue['kind'], string> = {
  REJECTED: 'rejected (not loaded)',
  PATCHED: 'patched on load',
  NOTE: 'notes (loaded as is; a human should confirm)',
};

/** The operator's summary: what was loaded, what was refused and why, and whether anything was written. */
export function summaryLines(result: ImportResult): string[] {
  const lines: string[] = ['loaded:'];
  for (const { dataset, counts } of result.datasets) {
    lines.push(`  ${dataset}: ${Object.entries(counts).map(([key, n]) => `${n} ${key}`).join(', ')}`);
  }
  for (const kind of ['PATCHED', 'REJECTED', 'NOTE'] as const) {
    const issues = result.issues.filter((issue) => issue.kind === kind);
    if (issues.length === 0) continue;
    lines.push(`${ISSUE_TITLES[kind]}: ${issues.length}`);
    for (const issue of issues) lines.push(`  [${issue.reason}] ${issue.subject}: ${issue.message}`);
  }
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  lines.push(
    `events: ${result.planned} planned, ${result.written} written, ${result.alreadyStored} already stored ` +
      `(${result.streams} streams, ${result.appends} appends, ${seconds} s)`,
  );
  if (result.written === 0) lines.push('nothing written: every event was already stored (this import had run before)');
  return lines;
}
