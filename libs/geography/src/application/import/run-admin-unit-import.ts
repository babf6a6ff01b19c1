import { resolve } from 'node:path';
import type { EventStore } from '@cdtt/event-sourcing';
import { importAdminUnits } from './import-admin-units';
import { summaryLines } from './import-summary';
import type { ProgressOutput } from '@cdtt/platform';

/**
 * `cli import-admin-units <folder>`: the CLI's entry. Progress goes to stderr, the summary to
 * `out`. Exit code 0 on success (rejections are reported, not fatal), 2 on a usage error.
 */
export async function runAdminUnitImport(
  store: EventStore,
  args: readonly string[],
  out: (line: string) => void,
  progress: ProgressOutput = process.stderr,
): Promise<number> {
  const [folder] = args;
  if (folder === undefined || args.length !== 1) {
    out('usage: import-admin-units <folder>   (the layout of shared/data/admin-units)');
    return 2;
  }
  const result = await importAdminUnits(store, resolve(folder), progress);
  for (const line of summaryLines(result)) out(line);
  return 0;
}
