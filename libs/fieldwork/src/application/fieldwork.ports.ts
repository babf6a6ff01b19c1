import type { ProvinceScope } from '@cdtt/platform';
import type { TeamFacts, VillageFacts } from '../domain/team-facts';
import type { PersonStatus } from '../domain/training.commands';

/**
 * Facts a field-work command needs from teams and geography, looked up before deciding. Anything
 * outside the caller's provinces reads as unknown (`found: false`, not in force), so a portal
 * cannot tell the two apart.
 */
export interface FieldworkFacts {
  team(teamId: string, date: string, scope: ProvinceScope): Promise<TeamFacts>;
  village(villageId: string, date: string, scope: ProvinceScope): Promise<VillageFacts>;
  /** Each person's status; one the scope may not name (never a member of its provinces' teams) reads as 'NONE'. */
  persons(personIds: readonly string[], scope: ProvinceScope): Promise<Map<string, PersonStatus>>;
  /** A province or commune in force on the date and visible in scope; a commune's province then. */
  unit(level: 'PROVINCE' | 'COMMUNE', code: string, date: string, scope: ProvinceScope): Promise<{ inForce: boolean; provinceCode: string | null }>;
}
