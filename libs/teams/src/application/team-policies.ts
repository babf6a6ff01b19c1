import { DEFAULT_TEAM_POLICY, type TeamPolicy } from '../domain/team.commands';
import type { TeamPolicies } from './teams.ports';

/**
 * Province overrides over the national default (one village team per village, at most two
 * deputies). Provinces are keyed by code; a code absent from the map gets the default.
 */
export class StaticTeamPolicies implements TeamPolicies {
  constructor(
    private readonly overrides: Readonly<Record<string, Partial<TeamPolicy>>> = {},
    private readonly base: TeamPolicy = DEFAULT_TEAM_POLICY,
  ) {}

  policyFor(provinceCode: string | null): TeamPolicy {
    const override = provinceCode === null ? undefined : this.overrides[provinceCode];
    return { ...this.base, ...override };
  }
}
