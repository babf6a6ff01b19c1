import { DomainError } from '@cdtt/event-sourcing';
import { DEFAULT_TEAM_POLICY, type EstablishTeam, type TeamCommand } from '../domain/team.commands';
import { teamDecider } from '../domain/team.decider';
import type { TeamEvent } from '../domain/team.events';

/** Given/when/then for the Team decider: the events a command produces, or its error code. */
export function given(history: readonly TeamEvent[]): { when: (command: TeamCommand) => readonly TeamEvent[] | string } {
  const state = history.reduce(teamDecider.evolve, teamDecider.initialState);
  return {
    when: (command) => {
      const result = teamDecider.decide(command, state);
      return result instanceof DomainError ? result.code : result;
    },
  };
}

export const establish = (overrides: Partial<EstablishTeam> = {}): EstablishTeam => ({
  type: 'EstablishTeam',
  teamId: 'team-1',
  communeCode: '00004',
  villageIds: ['v1'],
  name: 'Tổ CNSCĐ thôn 1',
  level: 'VILLAGE',
  decision: {
    number: '45/QĐ-UBND',
    date: '2024-03-01',
    issuingCommuneCode: '00004',
    signerName: 'Chủ tịch UBND',
    signerTitle: 'Chủ tịch',
  },
  effectiveDate: '2024-03-05',
  facts: {
    issuerInForceOnDecisionDate: true,
    villages: [
      { id: 'v1', communeCode: '00004', active: true },
      { id: 'v2', communeCode: '00004', active: true },
      { id: 'v9', communeCode: '00007', active: true },
      { id: 'vr', communeCode: '00004', active: false },
    ],
    villagesServedElsewhere: [],
  },
  policy: DEFAULT_TEAM_POLICY,
  ...overrides,
});

/** The `TeamEstablished` an accepted `establish()` produces. */
export function established(overrides: Partial<EstablishTeam> = {}): TeamEvent {
  const result = teamDecider.decide(establish(overrides), teamDecider.initialState);
  if (result instanceof DomainError || !result[0]) throw new Error('fixture must be accepted');
  return result[0];
}

export const joined = (personId: string, role: 'LEADER' | 'DEPUTY' | 'MEMBER', effectiveDate = '2024-03-05'): TeamEvent => ({
  type: 'MemberJoined',
  data: { personId, role, effectiveDate, decisionRef: null },
});
