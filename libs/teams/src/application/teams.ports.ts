import type { TeamPolicy, VillageFact } from '../domain/team.commands';
import type { LocalDate } from '../domain/team.events';

/** Geography facts a team command needs; looked up before deciding so the decider stays pure. */
export interface GeographyFacts {
  /** Whether a commune with this code was in force on the date. */
  communeInForce(code: string, date: LocalDate): Promise<boolean>;
  /** The villages among `ids` that geography knows, with their commune and whether they exist on the date. */
  villages(ids: readonly string[], date: LocalDate): Promise<VillageFact[]>;
  /** The province a commune rolled up to on the date, or null when unknown. */
  provinceOfCommune(code: string, date: LocalDate): Promise<string | null>;
}

/** Rule 2 crosses teams: which of these villages another active village-level team serves. */
export interface TeamCoverageReader {
  villagesServedByOtherTeams(villageIds: readonly string[], exceptTeamId: string): Promise<string[]>;
}

/** Per-province configuration of the team rules (one village team per village, deputies). */
export interface TeamPolicies {
  policyFor(provinceCode: string | null): TeamPolicy;
}
