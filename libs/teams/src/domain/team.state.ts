import type { LocalDate, MemberRole, TeamEvent, TeamLevel } from './team.events';

/** A current member: their role and the date of their last personnel change (join or role change). */
export interface Membership {
  readonly role: MemberRole;
  readonly since: LocalDate;
}

export interface TeamState {
  readonly status: 'NONE' | 'ACTIVE' | 'DISSOLVED';
  readonly communeCode: string;
  readonly level: TeamLevel;
  readonly name: string;
  readonly establishedOn: LocalDate;
  readonly villageIds: readonly string[];
  readonly members: ReadonlyMap<string, Membership>;
}

export const initialTeamState: TeamState = {
  status: 'NONE',
  communeCode: '',
  level: 'VILLAGE',
  name: '',
  establishedOn: '',
  villageIds: [],
  members: new Map(),
};

function withMembers(state: TeamState, change: (members: Map<string, Membership>) => void): TeamState {
  const members = new Map(state.members);
  change(members);
  return { ...state, members };
}

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamEstablished':
      return {
        ...state,
        status: 'ACTIVE',
        communeCode: event.data.communeCode,
        level: event.data.level,
        name: event.data.name,
        establishedOn: event.data.effectiveDate,
        villageIds: event.data.villageIds,
      };
    case 'MemberJoined':
    case 'MemberRoleChanged': {
      const { personId, role, effectiveDate } = event.data;
      return withMembers(state, (members) => members.set(personId, { role, since: effectiveDate }));
    }
    case 'MemberLeft':
      return withMembers(state, (members) => members.delete(event.data.personId));
    case 'TeamRenamed':
      return { ...state, name: event.data.name };
    case 'TeamCoverageChanged':
      return { ...state, villageIds: event.data.villageIds };
    case 'TeamDecisionReissued':
      return state;
    case 'TeamDissolved':
      return { ...state, status: 'DISSOLVED', members: new Map() };
  }
}

/** The current leader's id and membership, if the team has one. */
export function leaderOf(state: TeamState): [string, Membership] | undefined {
  return [...state.members].find(([, membership]) => membership.role === 'LEADER');
}

export function deputyCount(state: TeamState): number {
  return [...state.members.values()].filter((membership) => membership.role === 'DEPUTY').length;
}
