import { resolve } from 'node:path';
import { importAdminUnits } from '@cdtt/geography';
import type { ProgressOutput, Runtime } from '@cdtt/platform';
import { loadPersonalDataMasterKey } from '@cdtt/teams';
import { readCountry } from '../model/admin-unit-lists';
import { selectScale } from '../model/scale';
import { parseGenerateArgs } from './generate-args';
import { generateCountry, type GenerateSummary } from './generate-country';
import { vaultSealing } from './vault-sealer';

export function summaryLines(summary: GenerateSummary, seed: number): string[] {
  const seconds = summary.elapsedMs / 1000;
  return [
    `seed ${seed}: communes ${summary.communes} (${summary.skippedCommunes} written already, left as they are), villages ${summary.villages}, teams ${summary.teams}, persons ${summary.persons}, activities ${summary.activities}, trainings ${summary.trainings}, reports ${summary.reports}`,
    `target plans ${summary.targetPlans} (province × year), ${summary.targetEvents} targets assigned`,
    `events ${summary.events}, streams ${summary.streams}, time ${seconds.toFixed(1)} s, ${Math.round(summary.events / Math.max(seconds, 0.001))} events/s`,
  ];
}

/**
 * `cli generate --scale …`: imports the official units (idempotent), then writes the synthetic
 * country. Progress on stderr, summary on `out`; exit 2 on a usage error.
 */
export async function runGenerate(runtime: Runtime, args: readonly string[], out: (line: string) => void, progress: ProgressOutput = process.stderr): Promise<number> {
  const parsed = parseGenerateArgs(args);
  if (typeof parsed === 'string') {
    out(parsed);
    return 2;
  }
  const folder = resolve(parsed.adminUnits);
  const units = await importAdminUnits(runtime.eventStore, folder, progress);
  out(`admin units: ${units.written} events written, ${units.alreadyStored} already stored`);
  const scale = selectScale(await readCountry(folder), parsed.scale, parsed.area);
  const masterKey = loadPersonalDataMasterKey({ env: process.env, dataDir: runtime.config.dataDir, onWarning: (m) => out(`warning: ${m}`) });
  const summary = await generateCountry({
    store: runtime.eventStore,
    scale,
    seed: parsed.seed,
    today: parsed.today,
    // Leave one pool connection for the key inserts; the embedded database has one in all.
    concurrency: parsed.concurrency ?? Math.max(1, Math.min(8, runtime.config.poolSize - 1)),
    sealing: () => vaultSealing(masterKey, runtime.dataSource),
    progress,
  });
  for (const line of summaryLines(summary, parsed.seed)) out(line);
  return 0;
}
