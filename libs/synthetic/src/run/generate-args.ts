import { isLocalDate, localDateOf } from '@cdtt/platform';
import { isScaleName, type ScaleName } from '../model/scale';

export interface GenerateArgs {
  readonly scale: ScaleName;
  readonly seed: number;
  /** A commune code (commune scale) or province code (province scale); the defaults otherwise. */
  readonly area: string | undefined;
  readonly today: string;
  readonly adminUnits: string;
  readonly concurrency: number | undefined;
}

export const GENERATE_USAGE =
  'usage: generate --scale <commune|province|national|2x> [--seed <n>] [--area <commune or province code>] [--today YYYY-MM-DD] [--admin-units <folder>] [--concurrency <n>]';

/** Parses `generate` flags; a string is a usage error to print. */
export function parseGenerateArgs(args: readonly string[], now: Date = new Date()): GenerateArgs | string {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag?.startsWith('--') || value === undefined) return GENERATE_USAGE;
    flags.set(flag.slice(2), value);
  }
  const unknown = [...flags.keys()].filter((f) => !['scale', 'seed', 'area', 'today', 'admin-units', 'concurrency'].includes(f));
  if (unknown.length > 0) return `unknown flag --${unknown.join(', --')}\n${GENERATE_USAGE}`;
  const scale = flags.get('scale');
  if (scale === undefined || !isScaleName(scale)) return GENERATE_USAGE;
  const seed = Number(flags.get('seed') ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) return '--seed must be a non-negative integer';
  const today = flags.get('today') ?? localDateOf(now);
  if (!isLocalDate(today) || today < '2022-06-01') return '--today must be a date (YYYY-MM-DD) after 2022-06-01';
  const concurrency = flags.has('concurrency') ? Number(flags.get('concurrency')) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) return '--concurrency must be 1..64';
  return { scale, seed, area: flags.get('area'), today, adminUnits: flags.get('admin-units') ?? '../shared/data/admin-units', concurrency };
}
