import type { ProvinceScope } from '@cdtt/platform';
import type { TeamState } from '../domain/team.state';
import type { GeographyFacts } from './teams.ports';

/**
 * The provinces a team belongs to for portal scope, from its own events (ADR 0012, amendment):
 * the province of its current commune as in force when it joined it (establishment or
 * re-attachment), or, while it waits for a choice after a split, every successor's province, so a
 * portal of any of them can make the choice. The same rule fills `teams_v1.visible_province_codes`.
 */
export async function teamProvinces(state: TeamState, geography: GeographyFacts): Promise<string[]> {
  const held = state.succession?.status === 'AWAITING_ASSIGNMENT' ? state.succession : null;
  const communes = held ? held.successorCodes : [state.communeCode];
  const date = held ? held.since : state.communeSince;
  const provinces = await Promise.all(communes.map((code) => geography.provinceOfCommune(code, date)));
  return [...new Set(provinces.filter((code): code is string => code !== null))].sort();
}

/** Whether the caller may see (and, by role, change) the team: unrestricted, or one of its provinces is the caller's. */
export async function teamVisibleTo(state: TeamState, scope: ProvinceScope, geography: GeographyFacts): Promise<boolean> {
  if (!scope.restricted) return true;
  return (await teamProvinces(state, geography)).some((code) => scope.canSee(code));
}
