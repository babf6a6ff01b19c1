import type { DomainEvent } from '@cdtt/event-sourcing';

/** A civil date in Vietnam, `YYYY-MM-DD`; compares correctly as a string. */
export type LocalDate = string;

export type TeamLevel = 'VILLAGE' | 'COMMUNE';
export type MemberRole = 'LEADER' | 'DEPUTY' | 'MEMBER';

/**
 * A Quyết định of the commune People's Committee chairman (or a vice-chairman signing
 * "KT. Chủ tịch"): the act a team exists by. Signer fields name an official acting in office, not
 * a team member, so they are not treated as member personal data.
 */
export interface TeamDecision {
  readonly number: string;
  readonly date: LocalDate;
  readonly issuingCommuneCode: string;
  readonly signerName: string;
  readonly signerTitle: string;
}

export interface TeamEstablishedData {
  readonly teamId: string;
  readonly communeCode: string;
  readonly villageIds: readonly string[];
  readonly name: string;
  readonly level: TeamLevel;
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

/** Every personnel change is dated and may cite the decision that made it (rule 5). */
export interface PersonnelChange {
  readonly personId: string;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

export interface MemberJoinedData extends PersonnelChange {
  readonly role: MemberRole;
}

export interface MemberRoleChangedData extends PersonnelChange {
  readonly previousRole: MemberRole;
  readonly role: MemberRole;
}

export type MemberLeftData = PersonnelChange;

export interface TeamRenamedData {
  readonly name: string;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

export interface TeamCoverageChangedData {
  /** The full set of villages served from `effectiveDate` (a replacement, not a delta). */
  readonly villageIds: readonly string[];
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

/** Kiện toàn: a new decision re-confirms the team (e.g. by a commune formed in the 2025 reform). */
export interface TeamDecisionReissuedData {
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

export interface TeamDissolvedData {
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

/** FULL: the whole old commune went to one new commune; PARTIAL: the old commune was split. */
export type SuccessionKind = 'FULL' | 'PARTIAL';

/**
 * The team now belongs to another commune because its commune was succeeded (an administrative
 * reorganisation): automatically on a FULL edge, by a person's choice after a split. The old
 * decision's issuer ceased to exist, so the team awaits a reissued or confirmed decision.
 */
export interface TeamReattachedData {
  readonly fromCommuneCode: string;
  readonly toCommuneCode: string;
  readonly successionKind: SuccessionKind;
  /** The reorganisation's effective date: the team belongs to the new commune from this day. */
  readonly effectiveDate: LocalDate;
  /** Who chose on a split (a reference such as an official letter), or null when automatic. */
  readonly decisionRef: string | null;
}

/** The team's commune was split between several new ones: a person must choose its successor. */
export interface TeamHeldForSuccessorChoiceData {
  readonly fromCommuneCode: string;
  /** The new communes the old one was split into (the mapping's PARTIAL edges), sorted. */
  readonly successorCodes: readonly string[];
  readonly effectiveDate: LocalDate;
}

/** A member of a roster as a merge or split leaves it. */
export interface RosterEntry {
  readonly personId: string;
  readonly role: MemberRole;
}

/**
 * Teams merged into this one by decision (villages merged): the full roster from `effectiveDate`
 * (members of all teams united, one leader chosen) and the villages served (a replacement).
 */
export interface TeamsMergedData {
  readonly absorbedTeamIds: readonly string[];
  readonly members: readonly RosterEntry[];
  readonly villageIds: readonly string[];
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

/** This team was merged into `survivorTeamId`: it ends on `effectiveDate` (members moved there). */
export interface TeamMergedIntoData {
  readonly survivorTeamId: string;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string;
}

/** This team was split by decision into new teams (a village split): it ends, its members allocated. */
export interface TeamSplitData {
  readonly intoTeamIds: readonly string[];
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

export type TeamEstablished = DomainEvent<'TeamEstablished', TeamEstablishedData>;
export type TeamsMerged = DomainEvent<'TeamsMerged', TeamsMergedData>;
export type TeamMergedInto = DomainEvent<'TeamMergedInto', TeamMergedIntoData>;
export type TeamSplit = DomainEvent<'TeamSplit', TeamSplitData>;
export type TeamReattached = DomainEvent<'TeamReattached', TeamReattachedData>;
export type TeamHeldForSuccessorChoice = DomainEvent<'TeamHeldForSuccessorChoice', TeamHeldForSuccessorChoiceData>;
export type MemberJoined = DomainEvent<'MemberJoined', MemberJoinedData>;
export type MemberRoleChanged = DomainEvent<'MemberRoleChanged', MemberRoleChangedData>;
export type MemberLeft = DomainEvent<'MemberLeft', MemberLeftData>;
export type TeamRenamed = DomainEvent<'TeamRenamed', TeamRenamedData>;
export type TeamCoverageChanged = DomainEvent<'TeamCoverageChanged', TeamCoverageChangedData>;
export type TeamDecisionReissued = DomainEvent<'TeamDecisionReissued', TeamDecisionReissuedData>;
export type TeamDissolved = DomainEvent<'TeamDissolved', TeamDissolvedData>;

export type TeamEvent =
  | TeamEstablished
  | MemberJoined
  | MemberRoleChanged
  | MemberLeft
  | TeamRenamed
  | TeamCoverageChanged
  | TeamDecisionReissued
  | TeamDissolved
  | TeamReattached
  | TeamHeldForSuccessorChoice
  | TeamsMerged
  | TeamMergedInto
  | TeamSplit;

/** Names are forever once shipped. */
export const TEAM_EVENT_TYPES = [
  'TeamEstablished',
  'MemberJoined',
  'MemberRoleChanged',
  'MemberLeft',
  'TeamRenamed',
  'TeamCoverageChanged',
  'TeamDecisionReissued',
  'TeamDissolved',
  'TeamReattached',
  'TeamHeldForSuccessorChoice',
  'TeamsMerged',
  'TeamMergedInto',
  'TeamSplit',
] as const satisfies readonly TeamEvent['type'][];

export const teamStreamName = (teamId: string): string => `team-${teamId}`;
