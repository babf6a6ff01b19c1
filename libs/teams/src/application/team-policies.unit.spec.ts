import { ConfigError } from '@cdtt/platform';
import { teamPoliciesFromConfig } from './team-policies';

describe('teamPoliciesFromConfig (TEAM_POLICIES)', () => {
  it('gives the national default without configuration, and a province its override', () => {
    expect(teamPoliciesFromConfig(undefined).policyFor('79')).toEqual({ oneVillageTeamPerVillage: true, maxDeputies: 2 });
    const policies = teamPoliciesFromConfig('{"79": {"oneVillageTeamPerVillage": false}, "01": {"maxDeputies": 3}}');
    expect(policies.policyFor('79')).toEqual({ oneVillageTeamPerVillage: false, maxDeputies: 2 });
    expect(policies.policyFor('01')).toEqual({ oneVillageTeamPerVillage: true, maxDeputies: 3 });
    expect(policies.policyFor('48')).toEqual({ oneVillageTeamPerVillage: true, maxDeputies: 2 });
  });

  it('names every bad value', () => {
    expect(() => teamPoliciesFromConfig('not json')).toThrow(ConfigError);
    try {
      teamPoliciesFromConfig('{"7": {"maxDeputies": -1, "colour": "red"}, "01": {"oneVillageTeamPerVillage": "no"}}');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'TEAM_POLICIES: "7" is not a 2-digit province code',
        'TEAM_POLICIES["7"]: unknown setting colour',
        'TEAM_POLICIES["7"].maxDeputies must be a whole number from 0 to 10',
        'TEAM_POLICIES["01"].oneVillageTeamPerVillage must be true or false',
      ]);
    }
  });
});
