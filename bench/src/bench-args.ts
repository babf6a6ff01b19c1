import { isScaleName, type ScaleName } from '@cdtt/synthetic';

export const ITEMS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Item = (typeof ITEMS)[number];

export interface BenchArgs {
  readonly scale: ScaleName;
  readonly only: ReadonlySet<Item>;
  readonly seed: number;
  /** Seconds per measured step (each shape, each query, each client count). */
  readonly seconds: number;
  /** Also run items 1, 3 and 4 on the embedded PGlite (at commune scale: see docs/benchmarks.md). */
  readonly embedded: boolean;
  readonly serverUrl: string;
  readonly out: string;
  readonly keepDatabases: boolean;
  readonly catchUpCapSeconds: number;
}

export const BENCH_USAGE =
  'usage: npm run bench -- [--scale commune|province|national|2x] [--only 1,2,4] [--seed n] [--seconds n] [--catch-up-cap seconds] [--no-embedded] [--keep] [--out file]';

export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BenchArgs | string {
  let scale: ScaleName = 'national';
  let only = new Set<Item>(ITEMS);
  let seed = 1;
  let seconds = 5;
  let embedded = true;
  let keepDatabases = false;
  let out = 'bench/results/latest.json';
  let catchUpCapSeconds = 1800;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--no-embedded') embedded = false;
    else if (flag === '--keep') keepDatabases = true;
    else if (value === undefined) return BENCH_USAGE;
    else {
      i += 1;
      if (flag === '--scale' && isScaleName(value)) scale = value;
      else if (flag === '--only') only = new Set(value.split(',').map(Number).filter((n): n is Item => (ITEMS as readonly number[]).includes(n)));
      else if (flag === '--seed') seed = Number(value);
      else if (flag === '--seconds') seconds = Number(value);
      else if (flag === '--out') out = value;
      else if (flag === '--catch-up-cap') catchUpCapSeconds = Number(value);
      else return BENCH_USAGE;
    }
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || !(seconds > 0) || !(catchUpCapSeconds > 0) || only.size === 0) return BENCH_USAGE;
  const serverUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return { scale, only, seed, seconds, embedded, serverUrl, out, keepDatabases, catchUpCapSeconds };
}
