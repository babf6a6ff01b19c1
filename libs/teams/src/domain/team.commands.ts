import type { LocalDate, MemberRole, TeamDecision, TeamLevel } from './team.events';

/**
 * Facts from geography and from other teams, looked up by the application layer and passed in so
 * the decider stays pure and its tests need no database.
 */
export interface VillageFact {
  readonly id: string;
  readonly communeCode: string;
  /** Registered on or before the command's effective date and not retired by then. */
  readonly active: boolean;
}

export interface CoverageFacts {
  /** Each requested village as geography knows it; an id missing here is unknown. */
  readonly villages: readonly VillageFact[];
  /** Requested villages already served by another active village-level team. */
  readonly villagesServedElsewhere: readonly string[];
}

export interface IssuerFacts {
  /** Whether a commune with the issuing code was in force on the decision date. */
  readonly issuerInForceOnDecisionDate: boolean;
}

/**
 * Province-configurable rules (domain rule 2 and 3): a province may allow several village-level
 * teams per village, and bound deputies differently.
 */
export interface TeamPolicy {
  readonly oneVillageTeamPerVillage: boolean;
  readonly maxDeputies: number;
}

export const DEFAULT_TEAM_POLICY: TeamPolicy = { oneVillageTeamPerVillage: true, maxDeputies: 2 };

export interface EstablishTeam {
  readonly type: 'EstablishTeam';
  readonly teamId: string;
  readonly communeCode: string;
  readonly villageIds: readonly string[];
  readonly name: string;
  readonly level: TeamLevel;
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
  readonly facts: IssuerFacts & CoverageFacts;
  readonly policy: TeamPolicy;
}

export interface AddMember {
  readonly type: 'AddMember';
  readonly personId: string;
  readonly role: MemberRole;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
  readonly policy: TeamPolicy;
}

export interface ChangeMemberRole {
  readonly type: 'ChangeMemberRole';
  readonly personId: string;
  readonly role: MemberRole;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
  readonly policy: TeamPolicy;
}

export interface RemoveMember {
  readonly type: 'RemoveMember';
  readonly personId: string;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

export interface RenameTeam {
  readonly type: 'RenameTeam';
  readonly name: string;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

export interface ChangeTeamCoverage {
  readonly type: 'ChangeTeamCoverage';
  readonly villageIds: readonly string[];
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
  readonly facts: CoverageFacts;
  readonly policy: TeamPolicy;
}

export interface ReissueTeamDecision {
  readonly type: 'ReissueTeamDecision';
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
  readonly facts: IssuerFacts;
}

export interface DissolveTeam {
  readonly type: 'DissolveTeam';
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

/**
 * Issued by the reorganisation process manager when the team's commune was succeeded: FULL
 * re-attaches to `toCommuneCode`, PARTIAL holds the team for a person's choice. A team no longer in
 * `fromCommuneCode` (already followed) or not active on the date is left alone: replays are no-ops.
 */
export interface FollowCommuneSuccession {
  readonly type: 'FollowCommuneSuccession';
  readonly fromCommuneCode: string;
  /** FULL: the one successor; PARTIAL: every successor of the split (the choices offered). */
  readonly toCommuneCodes: readonly string[];
  readonly successionKind: 'FULL' | 'PARTIAL';
  readonly effectiveDate: LocalDate;
}

/** A person's choice for a team held after its commune was split; `successorCodes` come from the mapping. */
export interface AssignToSuccessorCommune {
  readonly type: 'AssignToSuccessorCommune';
  readonly toCommuneCode: string;
  readonly decisionRef: string | null;
}

export type TeamCommand =
  | EstablishTeam
  | AddMember
  | ChangeMemberRole
  | RemoveMember
  | RenameTeam
  | ChangeTeamCoverage
  | ReissueTeamDecision
  | DissolveTeam
  | FollowCommuneSuccession
  | AssignToSuccessorCommune;
