import { DomainError, type EventStore, type IdGenerator, type RecordedEvent } from '@cdtt/event-sourcing';
import { NEW_STREAM, type ProvinceScope } from '@cdtt/platform';
import type { CoverageFacts, TeamCommand, TeamPolicy } from '../domain/team.commands';
import { teamDecider } from '../domain/team.decider';
import { TeamErrors } from '../domain/team.errors';
import { teamStreamName, type LocalDate, type MemberRole, type TeamDecision, type TeamLevel } from '../domain/team.events';
import type { TeamState } from '../domain/team.state';
import { execute, loadState, versionConflict, type Caller, type CommandResult } from './command-execution';
import type { PersonCommandService, PersonDetails } from './person-commands.service';
import type { GeographyFacts, TeamCoverageReader, TeamPolicies } from './teams.ports';
import { teamVisibleTo } from './team-visibility';

export interface EstablishTeamRequest {
  readonly communeCode: string;
  readonly villageIds: readonly string[];
  readonly name: string;
  readonly level: TeamLevel;
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

/** A new member is an existing person (`personId`) or one registered from `person` first. */
export interface AddTeamMemberRequest {
  readonly teamId: string;
  readonly personId: string | null;
  readonly person: PersonDetails | null;
  readonly role: MemberRole;
  readonly effectiveDate: LocalDate;
  readonly decisionRef: string | null;
}

/** The member's person id comes back too: it is new when the person was registered on the way. */
export type AddTeamMemberResult =
  | (Extract<CommandResult, { ok: true }> & { readonly personId: string })
  | Extract<CommandResult, { ok: false }>;

/** Commands on an existing team without the facts and policy the service looks up. */
export type TeamChange =
  | Omit<Extract<TeamCommand, { type: 'ChangeMemberRole' }>, 'policy'>
  | Extract<TeamCommand, { type: 'RemoveMember' | 'RenameTeam' | 'DissolveTeam' }>
  | Omit<Extract<TeamCommand, { type: 'ChangeTeamCoverage' }>, 'facts' | 'policy'>
  | Omit<Extract<TeamCommand, { type: 'ReissueTeamDecision' }>, 'facts'>;

/** Team commands: gathers geography facts and province policy, then runs the pure decider. */
export class TeamCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly geography: GeographyFacts,
    private readonly coverage: TeamCoverageReader,
    private readonly policies: TeamPolicies,
    private readonly people: PersonCommandService,
  ) {}

  async establishTeam(request: EstablishTeamRequest, caller: Caller): Promise<CommandResult> {
    caller.scope.assertCanWrite();
    const teamId = this.ids.next();
    const { decision, communeCode, villageIds } = request;
    // A commune outside the caller's provinces is decided as an unknown one (ISSUER_NOT_IN_FORCE;
    // its villages VILLAGE_NOT_FOUND), so a portal cannot tell the two apart.
    const visible = await this.communeVisible(communeCode, decision.date, caller.scope);
    const command: TeamCommand = {
      type: 'EstablishTeam',
      teamId,
      ...request,
      facts: {
        issuerInForceOnDecisionDate: visible && (await this.geography.communeInForce(decision.issuingCommuneCode, decision.date)),
        ...(await this.coverageFacts(villageIds, teamId, request.effectiveDate, caller.scope)),
      },
      policy: await this.policyOf(communeCode, decision.date),
    };
    const stream = { id: teamId, name: teamStreamName(teamId) };
    return execute(this.store, this.ids, teamDecider, stream, command, request.effectiveDate, { ...caller, expectedVersion: null }, NEW_STREAM);
  }

  async addTeamMember(request: AddTeamMemberRequest, caller: Caller): Promise<AddTeamMemberResult> {
    const { teamId, role, effectiveDate, decisionRef } = request;
    const team = await this.load(teamId, caller);
    if (team instanceof DomainError) return { ok: false, error: team };
    const loaded = team.state;
    const policy = await this.policyOf(loaded.communeCode, effectiveDate);
    const addition = (personId: string): TeamCommand => ({ type: 'AddMember', personId, role, effectiveDate, decisionRef, policy });
    let personId = request.personId;
    if (personId === null) {
      if (!request.person) return { ok: false, error: new DomainError('PERSON_REQUIRED', 'Give a personId or the person.', ['person']) };
      // Decide with a placeholder first, so a refused join never registers an orphan person.
      const refused = teamDecider.decide(addition(this.ids.next()), loaded);
      if (refused instanceof DomainError) return { ok: false, error: refused };
      const registered = await this.people.registerPerson(request.person, effectiveDate, caller);
      if (!registered.ok) return registered;
      personId = registered.id;
    } else {
      const notJoinable = await this.people.checkJoinable(personId, caller.scope);
      if (notJoinable) return notJoinable;
    }
    const joined = await this.run(teamId, addition(personId), effectiveDate, caller, team.recorded);
    return joined.ok ? { ...joined, personId } : joined;
  }

  async changeTeam(teamId: string, change: TeamChange, caller: Caller): Promise<CommandResult> {
    const team = await this.load(teamId, caller);
    if (team instanceof DomainError) return { ok: false, error: team };
    return this.run(teamId, await this.complete(teamId, change, team.state, caller.scope), change.effectiveDate, caller, team.recorded);
  }

  /**
   * A person's choice of successor commune for a team held after its commune was split (ADR 0012).
   * Dated on the reorganisation the team waits on; the choices are those the hold recorded.
   */
  async assignToSuccessorCommune(teamId: string, toCommuneCode: string, decisionRef: string | null, caller: Caller): Promise<CommandResult> {
    const team = await this.load(teamId, caller);
    if (team instanceof DomainError) return { ok: false, error: team };
    const loaded = team.state;
    // An unknown team has no date to decide on: answer it as the decider would, before dating anything.
    if (loaded.status === 'NONE') return { ok: false, error: TeamErrors.notFound() };
    const date = loaded.succession?.since ?? loaded.establishedOn;
    return this.run(teamId, { type: 'AssignToSuccessorCommune', toCommuneCode, decisionRef }, date, caller, team.recorded);
  }

  /** Adds the looked-up facts and province policy a change needs. */
  private async complete(teamId: string, change: TeamChange, state: TeamState, scope: ProvinceScope): Promise<TeamCommand> {
    switch (change.type) {
      case 'ChangeMemberRole':
        return { ...change, policy: await this.policyOf(state.communeCode, change.effectiveDate) };
      case 'ChangeTeamCoverage':
        return {
          ...change,
          facts: await this.coverageFacts(change.villageIds, teamId, change.effectiveDate, scope),
          policy: await this.policyOf(state.communeCode, change.effectiveDate),
        };
      case 'ReissueTeamDecision': {
        const { issuingCommuneCode, date } = change.decision;
        return { ...change, facts: { issuerInForceOnDecisionDate: await this.geography.communeInForce(issuingCommuneCode, date) } };
      }
      default:
        return change;
    }
  }

  /**
   * The team's current state, or VERSION_CONFLICT early when the client saw another version. A team
   * outside the caller's provinces is TEAM_NOT_FOUND, checked before the version so that nothing
   * about it (not even its version) leaks. Its provinces are where it is attached now
   * (`teamProvinces`), as `teams_v1.visible_province_codes` is filled.
   */
  /** The team as its stream stands, with the events read (the command decides on them: one read, not two). */
  private async load(teamId: string, caller: Caller): Promise<{ state: TeamState; recorded: readonly RecordedEvent[] } | DomainError> {
    caller.scope.assertCanWrite();
    const { state, revision, recorded } = await loadState(this.store, teamDecider, teamStreamName(teamId));
    if (state.status !== 'NONE' && !(await teamVisibleTo(state, caller.scope, this.geography))) {
      return TeamErrors.notFound();
    }
    const expected = caller.expectedVersion;
    if (expected !== undefined && expected !== null && expected !== revision) return versionConflict(expected, revision);
    return { state, recorded };
  }

  private run(teamId: string, command: TeamCommand, effectiveDate: LocalDate, caller: Caller, firstRead: readonly RecordedEvent[]): Promise<CommandResult> {
    return execute(this.store, this.ids, teamDecider, { id: teamId, name: teamStreamName(teamId) }, command, effectiveDate, caller, firstRead);
  }

  /** Villages outside the caller's provinces are left out of the facts: the decider then says VILLAGE_NOT_FOUND. */
  private async coverageFacts(villageIds: readonly string[], teamId: string, date: LocalDate, scope: ProvinceScope): Promise<CoverageFacts> {
    const known = await this.geography.villages(villageIds, date);
    const visible: typeof known = [];
    for (const village of known) if (await this.communeVisible(village.communeCode, date, scope)) visible.push(village);
    const ids = visible.map((village) => village.id);
    return { villages: visible, villagesServedElsewhere: await this.coverage.villagesServedByOtherTeams(ids, teamId) };
  }

  private async communeVisible(communeCode: string, date: LocalDate, scope: ProvinceScope): Promise<boolean> {
    return !scope.restricted || scope.canSee(await this.geography.provinceOfCommune(communeCode, date));
  }

  private async policyOf(communeCode: string, date: LocalDate): Promise<TeamPolicy> {
    return this.policies.policyFor(await this.geography.provinceOfCommune(communeCode, date));
  }
}
