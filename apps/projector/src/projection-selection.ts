import { ConfigError, type PostgresProjection } from '@cdtt/platform';

/**
 * The projections this process runs: all of them, or the ones `PROJECTIONS` names, so that the
 * heaviest can run in processes of their own where there are cores or machines to spare; the leases
 * keep each one running once whatever the split. An unknown name stops the start with the list of
 * known ones.
 */
export function selectProjections(all: readonly PostgresProjection[], wanted: readonly string[] | null): readonly PostgresProjection[] {
  if (wanted === null) return all;
  const known = new Set(all.map((projection) => projection.name));
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError([`PROJECTIONS names unknown projections: ${unknown.join(', ')} (known: ${[...known].join(', ')})`]);
  }
  return all.filter((projection) => wanted.includes(projection.name));
}
