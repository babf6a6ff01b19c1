import type { Runtime } from '@cdtt/platform';

/**
 * Test cleanup, like the unit rows the worlds delete: a team held for a successor choice has no
 * commune and an open-ended row, so it would count nationally in every later year, in other
 * worlds' statistics too. Ends the held rows this world's year opened in its provinces.
 */
export async function forgetHeldTeams(runtime: Runtime, provinceCodes: readonly string[], year: number): Promise<void> {
  await runtime.dataSource.query(
    `DELETE FROM team_communes_v1 WHERE commune_code IS NULL AND province_code = ANY($1::text[]) AND valid_from >= $2::date AND valid_from < $3::date`,
    [provinceCodes, `${year}-01-01`, `${year + 1}-01-01`],
  );
}
