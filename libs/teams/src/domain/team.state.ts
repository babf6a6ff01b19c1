import type { LocalDate, MemberRole, TeamEvent, TeamLevel } from './team.events';

/** A current member: their role and the date of their last personnel change (join or role change). */
export interface Membership {
  readonly role: MemberRole;
  readonly since: LocalDate;
}

/**
 * Where the team stands after a reorganisation: AWAITING_REDECISION once re-attached (until the new
 * commune's People's Committee reissues or confirms its decision), AWAITING_ASSIGNMENT while a
 * person must choose its successor commune after a split.
 */
export interface TeamSuccession {
  readonly status: 'AWAITING_REDECISION' | 'AWAITING_ASSIGNMENT';
  readonly fromCommuneCode: string;
  /** The choices while AWAITING_ASSIGNMENT; empty once re-attached. */
  readonly successorCodes: readonly string[];
  readonly since: LocalDate;
}

export interface TeamState {
  readonly status: 'NONE' | 'ACTIVE' | 'DISSOLVED';
  readonly communeCode: string;
  /** Since when the team belongs to `communeCode` (establishment or re-attachment): its province is the commune's then. */
  readonly communeSince: LocalDate;
  readonly level: TeamLevel;
  readonly name: string;
  readonly establishedOn: LocalDate;
  readonly villageIds: readonly string[];
  readonly members: ReadonlyMap<string, Membership>;
  readonly succession: TeamSuccession | null;
}

export const initialTeamState: TeamState = {
  status: 'NONE',
  communeCode: '',
  communeSince: '',
  level: 'VILLAGE',
  name: '',
  establishedOn: '',
  villageIds: [],
  members: new Map(),
  succession: null,
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
        communeSince: event.data.effectiveDate,
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
      return { ...state, succession: null };
    case 'TeamDissolved':
      return { ...state, status: 'DISSOLVED', members: new Map() };
    case 'TeamReattached': {
      const { fromCommuneCode, toCommuneCode, effectiveDate } = event.data;
      return { ...state, communeCode: toCommuneCode, communeSince: effectiveDate, succession: { status: 'AWAITING_REDECISION', fromCommuneCode, successorCodes: [], since: effectiveDate } };
    }
    case 'TeamsMerged': {
      const { members, villageIds, effectiveDate } = event.data;
      return { ...state, villageIds, members: new Map(members.map((m) => [m.personId, { role: m.role, since: effectiveDate }])) };
    }
    case 'TeamMergedInto':
    case 'TeamSplit':
      return { ...state, status: 'DISSOLVED', members: new Map() };
    case 'TeamHeldForSuccessorChoice': {
      const { fromCommuneCode, successorCodes, effectiveDate } = event.data;
      return { ...state, succession: { status: 'AWAITING_ASSIGNMENT', fromCommuneCode, successorCodes, since: effectiveDate } };
    }
  }
}

/** The current leader's id and membership, if the team has one. */
export function leaderOf(state: TeamState): [string, Membership] | undefined {
  return [...state.members].find(([, membership]) => membership.role === 'LEADER');
}

export function deputyCount(state: TeamState): number {
  return [...state.members.values()].filter((membership) => membership.role === 'DEPUTY').length;
}
