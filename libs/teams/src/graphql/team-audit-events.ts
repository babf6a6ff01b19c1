import { registerAuditEvents, type AuditDataSpec } from '@cdtt/platform';
import type { PERSON_EVENT_TYPES } from '../domain/person.events';
import type { TEAM_EVENT_TYPES } from '../domain/team.events';

const decision: AuditDataSpec = { number: 'String', date: 'String', issuingCommuneCode: 'String', signerName: 'String', signerTitle: 'String' };
const personnel: AuditDataSpec = { personId: 'ID', effectiveDate: 'String', decisionRef: 'String' };
/** Sealed member fields (ADR 0007): opened for auditors, `[erased]` after forgetPerson. */
const personal = { personal: { fullName: 'String', phone: 'String', birthYear: 'Int', gender: 'String' } } as const;

/**
 * How history and the audit log show the teams context's events. `Partial`: a type added to the
 * domain before it is added here still shows in history, envelope only (data withheld).
 */
export const TEAM_AUDIT_EVENTS = registerAuditEvents({
  TeamEstablished: { teamId: 'ID', communeCode: 'String', villageIds: '[ID]', name: 'String', level: 'String', decision, effectiveDate: 'String' },
  MemberJoined: { ...personnel, role: 'String' },
  MemberRoleChanged: { ...personnel, previousRole: 'String', role: 'String' },
  MemberLeft: personnel,
  TeamRenamed: { name: 'String', effectiveDate: 'String', decisionRef: 'String' },
  TeamCoverageChanged: { villageIds: '[ID]', effectiveDate: 'String', decisionRef: 'String' },
  TeamDecisionReissued: { decision, effectiveDate: 'String' },
  TeamDissolved: { effectiveDate: 'String', decisionRef: 'String' },
  TeamReattached: { fromCommuneCode: 'String', toCommuneCode: 'String', successionKind: 'String', effectiveDate: 'String', decisionRef: 'String' },
  TeamsMerged: { absorbedTeamIds: '[ID]', members: [{ personId: 'ID', role: 'String' }], villageIds: '[ID]', decision, effectiveDate: 'String' },
  TeamMergedInto: { survivorTeamId: 'ID', effectiveDate: 'String', decisionRef: 'String' },
  TeamSplit: { intoTeamIds: '[ID]', decision, effectiveDate: 'String' },
  TeamHeldForSuccessorChoice: { fromCommuneCode: 'String', successorCodes: '[String]', effectiveDate: 'String' },
  PersonRegistered: { personId: 'ID', personal, youthUnionSince: 'String', youthUnionUntil: 'String' },
  PersonDetailsChanged: { personal, youthUnionSince: 'String', youthUnionUntil: 'String' },
  PersonForgotten: { forgottenOn: 'String' },
} satisfies Partial<Record<(typeof TEAM_EVENT_TYPES)[number] | (typeof PERSON_EVENT_TYPES)[number], AuditDataSpec>>);
