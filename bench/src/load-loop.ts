/** Latency samples in ms and how many units of work (events, requests) they carried. */
export interface LoadResult {
  /** Every call's latency, sorted (kept so rounds of the same contender can be merged). */
  readonly latencies: readonly number[];
  readonly operations: number;
  readonly units: number;
  readonly elapsedMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `workers` closed loops of `operation` for `seconds` (after a short warm-up) and measures
 * each call. `operation` returns the units it carried (events appended, 1 for a request).
 */
export async function closedLoop(workers: number, seconds: number, operation: (worker: number) => Promise<number>): Promise<LoadResult> {
  const warmUntil = performance.now() + Math.min(1000, seconds * 200);
  for (let w = 0; w < workers; w += 1) await operation(w);
  while (performance.now() < warmUntil) await operation(0);
  const latencies: number[] = [];
  let units = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          units += await operation(w);
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return { latencies, operations: latencies.length, units, elapsedMs, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors };
}

/** Several rounds of one contender as one result (rates over the summed time). */
export function merge(results: readonly LoadResult[]): LoadResult {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (key: 'units' | 'elapsedMs' | 'errors'): number => results.reduce((total, r) => total + r[key], 0);
  return { latencies, operations: latencies.length, units: sum('units'), elapsedMs: sum('elapsedMs'), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors: sum('errors') };
}

export const perSecond = (r: LoadResult, what: 'units' | 'operations' = 'units'): number => (r[what] / r.elapsedMs) * 1000;
