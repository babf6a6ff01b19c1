import type { ScaleName } from '@cdtt/synthetic';
import { createDatabase, databaseExists, dropDatabase, PREFIX, renameDatabase } from './databases';
import { childEnv, runCli, scratchDir } from './processes';

/**
 * What the generator writes, by version: a template is kept between runs, so a generator that
 * writes more (v2: trainings, reports and target plans) must not be measured on an older one.
 * Bump it whenever the generator's output changes.
 */
const DATASET_VERSION = 2;

/** The data set of a scale, events only (no projection has run on it): kept between runs. */
export const templateName = (scale: ScaleName, seed: number): string => `${PREFIX}tpl_${scale === '2x' ? 'double' : scale}_s${seed}_v${DATASET_VERSION}`;

/** Each smaller scale is a subset of the next (same seed, same communes), so it is a head start. */
const SMALLER: Partial<Record<ScaleName, ScaleName>> = { province: 'commune', national: 'province' };

/**
 * Generation is not a measured figure: it runs with `synchronous_commit=off` on its own connections
 * (a crash would lose the last commits, never corrupt), which roughly doubles its speed here.
 */
function bulkLoadUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c synchronous_commit=off');
  return u.toString();
}

export interface DatasetInfo {
  readonly template: string;
  /** The generator's summary lines when it ran in this bench run; empty when the template was kept. */
  readonly generated: readonly string[];
}

/** The template database of a scale, generated (through the real CLI) when missing. */
export async function ensureDataset(serverUrl: string, scale: ScaleName, seed: number): Promise<DatasetInfo> {
  const template = templateName(scale, seed);
  if (await databaseExists(serverUrl, template)) return { template, generated: [] };
  const smaller = SMALLER[scale];
  const base = smaller ? (await ensureDataset(serverUrl, smaller, seed)).template : undefined;
  const partial = `${template}_partial`;
  const url = await createDatabase(serverUrl, partial, base);
  console.log(`generating the ${scale} data set (seed ${seed}) into ${partial}${base ? ` from ${base}` : ''}`);
  const generated = await runCli(['generate', '--scale', scale, '--seed', String(seed)], childEnv(bulkLoadUrl(url), scratchDir('gen')));
  for (const line of generated) console.log(`  ${line}`);
  await renameDatabase(serverUrl, partial, template);
  return { template, generated };
}

/** An embedded (PGlite) data folder with the commune-scale data set, events only. */
export async function embeddedDataset(seed: number): Promise<string> {
  const dataDir = scratchDir('embedded');
  await runCli(['generate', '--scale', 'commune', '--seed', String(seed)], childEnv(null, dataDir));
  return dataDir;
}

export async function dropTemplates(serverUrl: string, seed: number): Promise<void> {
  for (const scale of ['commune', 'province', 'national', '2x'] as const) await dropDatabase(serverUrl, templateName(scale, seed));
}
