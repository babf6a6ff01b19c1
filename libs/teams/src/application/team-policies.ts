import { ConfigError } from '@cdtt/platform';
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

/**
 * Province overrides from configuration: `TEAM_POLICIES` is JSON keyed by province code, e.g.
 * `{"79": {"oneVillageTeamPerVillage": false}, "01": {"maxDeputies": 3}}` (rule 2 lets a province
 * run several teams per village). Every problem is named at start, not discovered at a decision.
 */
export function teamPoliciesFromConfig(raw: string | undefined): StaticTeamPolicies {
  if (raw === undefined || raw.trim() === '') return new StaticTeamPolicies();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(['TEAM_POLICIES must be JSON, e.g. {"79": {"oneVillageTeamPerVillage": false}}']);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(['TEAM_POLICIES must be a JSON object keyed by province code']);
  }
  const problems: string[] = [];
  const overrides: Record<string, Partial<TeamPolicy>> = {};
  for (const [code, value] of Object.entries(parsed as Record<string, unknown>)) {
    const override = value as Partial<Record<keyof TeamPolicy, unknown>> | null;
    if (!/^\d{2}$/.test(code)) problems.push(`TEAM_POLICIES: "${code}" is not a 2-digit province code`);
    if (typeof override !== 'object' || override === null) {
      problems.push(`TEAM_POLICIES["${code}"] must be an object`);
      continue;
    }
    const unknown = Object.keys(override).filter((key) => key !== 'oneVillageTeamPerVillage' && key !== 'maxDeputies');
    if (unknown.length > 0) problems.push(`TEAM_POLICIES["${code}"]: unknown setting ${unknown.join(', ')}`);
    const { oneVillageTeamPerVillage, maxDeputies } = override;
    if (oneVillageTeamPerVillage !== undefined && typeof oneVillageTeamPerVillage !== 'boolean') {
      problems.push(`TEAM_POLICIES["${code}"].oneVillageTeamPerVillage must be true or false`);
    }
    if (maxDeputies !== undefined && !(Number.isInteger(maxDeputies) && (maxDeputies as number) >= 0 && (maxDeputies as number) <= 10)) {
      problems.push(`TEAM_POLICIES["${code}"].maxDeputies must be a whole number from 0 to 10`);
    }
    overrides[code] = override as Partial<TeamPolicy>;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return new StaticTeamPolicies(overrides);
}
