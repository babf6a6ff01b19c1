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

export type TeamEstablished = DomainEvent<'TeamEstablished', TeamEstablishedData>;
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
  | TeamDissolved;

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
] as const satisfies readonly TeamEvent['type'][];

export const teamStreamName = (teamId: string): string => `team-${teamId}`;
