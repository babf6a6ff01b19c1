import { DomainError } from '@cdtt/event-sourcing';

/**
 * Every rejection of the Team decider, by stable code (catalogued in docs/errors.md). Messages
 * carry ids and dates only, never personal data.
 */
export const TeamErrors = {
  alreadyEstablished: () => new DomainError('TEAM_ALREADY_ESTABLISHED', 'This team was already established.'),
  notFound: () => new DomainError('TEAM_NOT_FOUND', 'No team with this id.', ['teamId']),
  dissolved: () => new DomainError('TEAM_DISSOLVED', 'The team is dissolved; it can no longer change.'),
  nameRequired: () => new DomainError('TEAM_NAME_REQUIRED', 'A team name is required.', ['name']),
  decisionIncomplete: () =>
    new DomainError('DECISION_INCOMPLETE', 'The decision needs a number, a date and a signer.', ['decision']),
  issuerMismatch: () =>
    new DomainError(
      'DECISION_ISSUER_MISMATCH',
      "The decision must be issued by the People's Committee of the commune that contains the team's villages.",
      ['decision', 'issuingCommuneCode'],
    ),
  issuerNotInForce: (date: string) =>
    new DomainError('ISSUER_NOT_IN_FORCE', `The issuing commune did not exist on the decision date ${date}.`, [
      'decision',
      'issuingCommuneCode',
    ]),
  effectiveBeforeDecision: () =>
    new DomainError('EFFECTIVE_BEFORE_DECISION', 'The effective date is before the decision date.', ['effectiveDate']),
  effectiveBeforeEstablishment: (establishedOn: string) =>
    new DomainError(
      'EFFECTIVE_BEFORE_ESTABLISHMENT',
      `The effective date is before the team was established (${establishedOn}).`,
      ['effectiveDate'],
    ),
  effectiveBeforeMemberChange: (since: string) =>
    new DomainError(
      'EFFECTIVE_BEFORE_MEMBER_CHANGE',
      `The effective date is before this member's last change (${since}).`,
      ['effectiveDate'],
    ),
  effectiveBeforeLeader: (since: string) =>
    new DomainError('EFFECTIVE_BEFORE_LEADER', `The team has had its current leader only since ${since}.`, [
      'effectiveDate',
    ]),
  villageRequired: () =>
    new DomainError('VILLAGE_REQUIRED', 'A village-level team serves at least one village.', ['villageIds']),
  duplicateVillage: () => new DomainError('DUPLICATE_VILLAGE', 'A village is listed twice.', ['villageIds']),
  villageNotFound: (id: string) => new DomainError('VILLAGE_NOT_FOUND', `Unknown village ${id}.`, ['villageIds']),
  villageOutsideCommune: (id: string) =>
    new DomainError('VILLAGE_OUTSIDE_COMMUNE', `Village ${id} is not in the team's commune.`, ['villageIds']),
  villageNotActive: (id: string) =>
    new DomainError('VILLAGE_NOT_ACTIVE', `Village ${id} does not exist on the effective date (retired or not yet registered).`, ['villageIds']),
  villageAlreadyServed: (id: string) =>
    new DomainError(
      'VILLAGE_ALREADY_SERVED',
      `Village ${id} already has an active village-level team, and this province allows one.`,
      ['villageIds'],
    ),
  firstMemberMustLead: () =>
    new DomainError('FIRST_MEMBER_MUST_BE_LEADER', 'The first member of a team must be its leader.', ['role']),
  alreadyMember: () => new DomainError('MEMBER_ALREADY_ON_TEAM', 'This person is already on the team.', ['personId']),
  notMember: () => new DomainError('MEMBER_NOT_ON_TEAM', 'This person is not a current member.', ['personId']),
  leaderRequired: () =>
    new DomainError(
      'LEADER_REQUIRED',
      'The team would have members and no leader: appoint another leader first.',
      ['personId'],
    ),
  tooManyDeputies: (max: number) =>
    new DomainError('TOO_MANY_DEPUTIES', `This province allows at most ${max} deputies per team.`, ['role']),
  notAwaitingAssignment: () =>
    new DomainError('TEAM_NOT_AWAITING_ASSIGNMENT', 'The team is not waiting for a successor commune to be chosen.', ['teamId']),
  awaitingAssignment: () =>
    new DomainError(
      'TEAM_AWAITING_ASSIGNMENT',
      "The team's commune was split: assign it to a successor commune (assignTeamToSuccessorCommune) first.",
      ['teamId'],
    ),
  notASuccessor: (code: string) =>
    new DomainError('NOT_A_SUCCESSOR_COMMUNE', `Commune ${code} is not one of the communes the team's old commune was split into.`, [
      'communeCode',
    ]),
  mergeNeedsTwo: () => new DomainError('TEAM_MERGE_NEEDS_TWO_TEAMS', 'A merge absorbs at least one other team.', ['absorbedTeamIds']),
  teamListedTwice: () => new DomainError('TEAM_LISTED_TWICE', 'A team is listed twice (or merged into itself).', ['absorbedTeamIds']),
  differentCommunes: () =>
    new DomainError('TEAMS_IN_DIFFERENT_COMMUNES', 'Only teams of the same commune merge (one People\'s Committee decides).', ['absorbedTeamIds']),
  leaderNotMember: () => new DomainError('LEADER_NOT_A_MEMBER', 'The chosen leader is not a current member of the teams concerned.', ['leaderPersonId']),
  splitNeedsTwo: () => new DomainError('TEAM_SPLIT_NEEDS_TWO_PARTS', 'A split makes at least two teams.', ['parts']),
  memberNotAllocated: (personId: string) =>
    new DomainError('MEMBER_NOT_ALLOCATED', `Member ${personId} is allocated to no part: every current member goes to exactly one.`, ['parts']),
  memberAllocatedTwice: (personId: string) => new DomainError('MEMBER_ALLOCATED_TWICE', `Member ${personId} is allocated to two parts.`, ['parts']),
  partLeaderRequired: () => new DomainError('PART_LEADER_REQUIRED', "Each part's leader must be one of its members.", ['parts']),
  roleUnchanged: () => new DomainError('ROLE_UNCHANGED', 'The member already has this role.', ['role']),
} as const;
