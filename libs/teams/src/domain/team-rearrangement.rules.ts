import { DomainError } from '@cdtt/event-sourcing';
import type { CoverageFacts, IssuerFacts, TeamPolicy } from './team.commands';
import { checkCoverage, checkDecision } from './team-establishment.rules';
import { TeamErrors } from './team.errors';
import type { LocalDate, MemberRole, RosterEntry, TeamDecision, TeamEvent } from './team.events';
import type { TeamState } from './team.state';

/** A team as loaded for a merge or split: its id and folded state. */
export interface LoadedTeam {
  readonly id: string;
  readonly state: TeamState;
}

export interface MergeTeams {
  readonly survivor: LoadedTeam;
  readonly absorbed: readonly LoadedTeam[];
  readonly leaderPersonId: string;
  readonly villageIds: readonly string[];
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
  /** Coverage facts with the merging teams' own villages not counted as "served elsewhere". */
  readonly facts: IssuerFacts & CoverageFacts;
  readonly policy: TeamPolicy;
}

export interface SplitPart {
  readonly teamId: string;
  readonly name: string;
  readonly villageIds: readonly string[];
  readonly leaderPersonId: string;
  readonly memberPersonIds: readonly string[];
}

export interface SplitTeam {
  readonly team: LoadedTeam;
  readonly parts: readonly SplitPart[];
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
  /** Coverage facts with the split team's own villages not counted as "served elsewhere". */
  readonly facts: IssuerFacts & CoverageFacts;
  readonly policy: TeamPolicy;
}

export interface StreamEvents {
  readonly teamId: string;
  readonly events: readonly TeamEvent[];
}

/** Active, and no member's last change (nor the establishment) after the date. */
function checkDated(team: TeamState, date: LocalDate): DomainError | null {
  if (team.status === 'NONE') return TeamErrors.notFound();
  if (team.status === 'DISSOLVED') return TeamErrors.dissolved();
  if (date < team.establishedOn) return TeamErrors.effectiveBeforeEstablishment(team.establishedOn);
  const latest = [...team.members.values()].map((m) => m.since).sort().at(-1);
  return latest !== undefined && date < latest ? TeamErrors.effectiveBeforeMemberChange(latest) : null;
}

const RANK: Record<MemberRole, number> = { LEADER: 0, DEPUTY: 1, MEMBER: 2 };

/**
 * Members united: the chosen leader leads, a deputy of any team stays a deputy (within the
 * province's limit), everyone else (former leaders included) is a member. Leader first.
 */
function unitedRoster(teams: readonly TeamState[], leaderPersonId: string, maxDeputies: number): RosterEntry[] | DomainError {
  const roles = new Map<string, MemberRole>();
  for (const team of teams) {
    for (const [personId, m] of team.members) {
      const role: MemberRole = m.role === 'DEPUTY' || roles.get(personId) === 'DEPUTY' ? 'DEPUTY' : 'MEMBER';
      roles.set(personId, role);
    }
  }
  if (!roles.has(leaderPersonId)) return TeamErrors.leaderNotMember();
  roles.set(leaderPersonId, 'LEADER');
  const roster = [...roles].map(([personId, role]) => ({ personId, role })).sort((a, b) => RANK[a.role] - RANK[b.role] || a.personId.localeCompare(b.personId));
  if (roster.filter((m) => m.role === 'DEPUTY').length > maxDeputies) return TeamErrors.tooManyDeputies(maxDeputies);
  return roster;
}

/**
 * Villages merged, so their teams merge (by a decision of their commune): the survivor gets the
 * united roster and the new coverage, each absorbed team ends. Nothing is decided for one team
 * unless it is decided for all: the caller appends only a complete answer.
 */
export function decideMergeTeams(command: MergeTeams): { survivor: StreamEvents; absorbed: StreamEvents[] } | DomainError {
  const { survivor, absorbed, effectiveDate, decision } = command;
  if (absorbed.length === 0) return TeamErrors.mergeNeedsTwo();
  const ids = [survivor.id, ...absorbed.map((t) => t.id)];
  if (new Set(ids).size !== ids.length) return TeamErrors.teamListedTwice();
  for (const team of [survivor, ...absorbed]) {
    const invalid = checkDated(team.state, effectiveDate);
    if (invalid) return invalid;
    if (team.state.communeCode !== survivor.state.communeCode) return TeamErrors.differentCommunes();
  }
  const invalid =
    checkDecision(decision, survivor.state.communeCode, effectiveDate, command.facts) ??
    checkCoverage(command.villageIds, survivor.state.communeCode, survivor.state.level, command.facts, command.policy);
  if (invalid) return invalid;
  const members = unitedRoster([survivor.state, ...absorbed.map((t) => t.state)], command.leaderPersonId, command.policy.maxDeputies);
  if (members instanceof DomainError) return members;
  const absorbedTeamIds = absorbed.map((t) => t.id);
  return {
    survivor: { teamId: survivor.id, events: [{ type: 'TeamsMerged', data: { absorbedTeamIds, members, villageIds: command.villageIds, decision, effectiveDate } }] },
    absorbed: absorbed.map((t) => ({
      teamId: t.id,
      events: [{ type: 'TeamMergedInto', data: { survivorTeamId: survivor.id, effectiveDate, decisionRef: decision.number } }],
    })),
  };
}

function checkAllocation(team: TeamState, parts: readonly SplitPart[]): DomainError | null {
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part.memberPersonIds.includes(part.leaderPersonId)) return TeamErrors.partLeaderRequired();
    for (const personId of part.memberPersonIds) {
      if (!team.members.has(personId)) return TeamErrors.notMember();
      if (seen.has(personId)) return TeamErrors.memberAllocatedTwice(personId);
      seen.add(personId);
    }
  }
  const missing = [...team.members.keys()].find((personId) => !seen.has(personId));
  return missing === undefined ? null : TeamErrors.memberNotAllocated(missing);
}

/** One new team of a split: established by the split's decision, its members joining the same day, leader first. */
function partEvents(part: SplitPart, team: TeamState, decision: TeamDecision, effectiveDate: LocalDate): TeamEvent[] {
  const { teamId, name, villageIds } = part;
  const roleOf = (personId: string): MemberRole =>
    personId === part.leaderPersonId ? 'LEADER' : team.members.get(personId)?.role === 'DEPUTY' ? 'DEPUTY' : 'MEMBER';
  const ordered = [part.leaderPersonId, ...part.memberPersonIds.filter((p) => p !== part.leaderPersonId)];
  return [
    { type: 'TeamEstablished', data: { teamId, communeCode: team.communeCode, villageIds, name, level: team.level, decision, effectiveDate } },
    ...ordered.map((personId): TeamEvent => ({ type: 'MemberJoined', data: { personId, role: roleOf(personId), effectiveDate, decisionRef: decision.number } })),
  ];
}

/**
 * A village split, so its team splits (by decision): new teams take the parts (villages and
 * members allocated, each with a leader), the original team ends. Every current member is
 * allocated exactly once; no village goes to two parts.
 */
export function decideSplitTeam(command: SplitTeam): { original: StreamEvents; parts: StreamEvents[] } | DomainError {
  const { team, parts, decision, effectiveDate, facts, policy } = command;
  if (parts.length < 2) return TeamErrors.splitNeedsTwo();
  const invalid = checkDated(team.state, effectiveDate) ?? checkDecision(decision, team.state.communeCode, effectiveDate, facts);
  if (invalid) return invalid;
  for (const part of parts) {
    if (!part.name.trim()) return TeamErrors.nameRequired();
    const coverage = checkCoverage(part.villageIds, team.state.communeCode, team.state.level, facts, policy);
    if (coverage) return coverage;
  }
  const villages = parts.flatMap((p) => p.villageIds);
  if (new Set(villages).size !== villages.length) return TeamErrors.duplicateVillage();
  const allocation = checkAllocation(team.state, parts);
  if (allocation) return allocation;
  for (const part of parts) {
    const deputies = part.memberPersonIds.filter((p) => p !== part.leaderPersonId && team.state.members.get(p)?.role === 'DEPUTY').length;
    if (deputies > policy.maxDeputies) return TeamErrors.tooManyDeputies(policy.maxDeputies);
  }
  return {
    original: { teamId: team.id, events: [{ type: 'TeamSplit', data: { intoTeamIds: parts.map((p) => p.teamId), decision, effectiveDate } }] },
    parts: parts.map((part) => ({ teamId: part.teamId, events: partEvents(part, team.state, decision, effectiveDate) })),
  };
}
