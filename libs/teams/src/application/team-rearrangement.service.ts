import { DomainError, WrongExpectedVersionError, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { effectiveAtOf } from '@cdtt/platform';
import type { CoverageFacts } from '../domain/team.commands';
import { teamDecider } from '../domain/team.decider';
import { TeamErrors } from '../domain/team.errors';
import { teamStreamName, type LocalDate, type TeamDecision } from '../domain/team.events';
import { decideMergeTeams, decideSplitTeam, type LoadedTeam, type SplitPart, type StreamEvents } from '../domain/team-rearrangement.rules';
import { loadState, versionConflict, type Caller, type CommandResult } from './command-execution';
import type { GeographyFacts, TeamCoverageReader, TeamPolicies } from './teams.ports';
import { teamVisibleTo } from './team-visibility';

export interface MergeTeamsRequest {
  readonly survivorTeamId: string;
  readonly absorbedTeamIds: readonly string[];
  readonly leaderPersonId: string;
  readonly villageIds: readonly string[];
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

export interface SplitTeamRequest {
  readonly teamId: string;
  readonly parts: ReadonlyArray<Omit<SplitPart, 'teamId'>>;
  readonly decision: TeamDecision;
  readonly effectiveDate: LocalDate;
}

type Loaded = LoadedTeam & { readonly revision: number | null };

/**
 * Merges and splits of teams after villages were merged or split (ADR 0012): several streams
 * decided together by pure rules, then appended with the revisions they were decided on. A
 * conflict on the first stream writes nothing; the streams after it are new (a split) or were read
 * a moment before, so a partial write needs a concurrent change within that moment (reported as
 * VERSION_CONFLICT; the decided events of the first stream stand and the rest can be retried).
 */
export class TeamRearrangementService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly geography: GeographyFacts,
    private readonly coverage: TeamCoverageReader,
    private readonly policies: TeamPolicies,
  ) {}

  async mergeTeams(request: MergeTeamsRequest, caller: Caller): Promise<CommandResult> {
    caller.scope.assertCanWrite();
    const teams = await this.loadAll([request.survivorTeamId, ...request.absorbedTeamIds], caller);
    if (teams instanceof DomainError) return { ok: false, error: teams };
    const [survivor, ...absorbed] = teams as [Loaded, ...Loaded[]];
    if (caller.expectedVersion != null && caller.expectedVersion !== survivor.revision) return { ok: false, error: versionConflict(caller.expectedVersion, survivor.revision) };
    const own = new Set(teams.flatMap((t) => t.state.villageIds));
    const facts = await this.facts(request.villageIds, survivor.id, own, request.decision, request.effectiveDate);
    const policy = this.policies.policyFor(await this.geography.provinceOfCommune(survivor.state.communeCode, request.effectiveDate));
    const decided = decideMergeTeams({ ...request, survivor, absorbed, facts, policy });
    if (decided instanceof DomainError) return { ok: false, error: decided };
    const revisions = new Map(teams.map((t) => [t.id, t.revision]));
    return this.append([decided.survivor, ...decided.absorbed], revisions, request.effectiveDate, caller, survivor.id);
  }

  async splitTeam(request: SplitTeamRequest, caller: Caller): Promise<CommandResult & { readonly partIds?: readonly string[] }> {
    caller.scope.assertCanWrite();
    const loaded = await this.loadAll([request.teamId], caller);
    if (loaded instanceof DomainError) return { ok: false, error: loaded };
    const [team] = loaded as [Loaded];
    if (caller.expectedVersion != null && caller.expectedVersion !== team.revision) return { ok: false, error: versionConflict(caller.expectedVersion, team.revision) };
    const parts = request.parts.map((part) => ({ ...part, teamId: this.ids.next() }));
    const villageIds = parts.flatMap((p) => p.villageIds);
    const facts = await this.facts(villageIds, team.id, new Set(team.state.villageIds), request.decision, request.effectiveDate);
    const policy = this.policies.policyFor(await this.geography.provinceOfCommune(team.state.communeCode, request.effectiveDate));
    const decided = decideSplitTeam({ team, parts, decision: request.decision, effectiveDate: request.effectiveDate, facts, policy });
    if (decided instanceof DomainError) return { ok: false, error: decided };
    const revisions = new Map<string, number | null>([[team.id, team.revision], ...parts.map((p): [string, null] => [p.teamId, null])]);
    const result = await this.append([decided.original, ...decided.parts], revisions, request.effectiveDate, caller, team.id);
    return result.ok ? { ...result, partIds: parts.map((p) => p.teamId) } : result;
  }

  /** Every team, or TEAM_NOT_FOUND for an unknown one or one outside the caller's provinces. */
  private async loadAll(teamIds: readonly string[], caller: Caller): Promise<Loaded[] | DomainError> {
    const loaded: Loaded[] = [];
    for (const id of teamIds) {
      const { state, revision } = await loadState(this.store, teamDecider, teamStreamName(id));
      if (state.status === 'NONE') return TeamErrors.notFound();
      // Where the team is attached now (a re-attached team belongs to its new province).
      if (!(await teamVisibleTo(state, caller.scope, this.geography))) return TeamErrors.notFound();
      loaded.push({ id, state, revision });
    }
    return loaded;
  }

  /** Villages the teams concerned serve now are not "served elsewhere": they are being rearranged. */
  private async facts(villageIds: readonly string[], teamId: string, own: ReadonlySet<string>, decision: TeamDecision, date: LocalDate) {
    const villages = await this.geography.villages(villageIds, date);
    const served = await this.coverage.villagesServedByOtherTeams(villageIds, teamId);
    const coverage: CoverageFacts = { villages, villagesServedElsewhere: served.filter((id) => !own.has(id)) };
    return { ...coverage, issuerInForceOnDecisionDate: await this.geography.communeInForce(decision.issuingCommuneCode, decision.date) };
  }

  private async append(streams: readonly StreamEvents[], revisions: ReadonlyMap<string, number | null>, date: LocalDate, caller: Caller, mainId: string): Promise<CommandResult> {
    const metadata = { correlationId: caller.correlationId, causationId: null, actor: { clientId: caller.actor.clientId, role: caller.actor.role }, effectiveAt: effectiveAtOf(date) };
    let mainVersion: number | null = null;
    let position: string | null = null;
    try {
      for (const stream of streams) {
        const revision = revisions.get(stream.teamId) ?? null;
        const events = stream.events.map((e) => ({ id: this.ids.next(), type: e.type, schemaVersion: 1, data: e.data, metadata }));
        const result = await this.store.appendToStream(teamStreamName(stream.teamId), events, { expected: revision === null ? 'no_stream' : revision });
        if (stream.teamId === mainId) mainVersion = result.nextExpectedRevision;
        position = result.position;
      }
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return { ok: false, error: versionConflict(Number(error.expected), error.actual ?? null) };
      throw error;
    }
    return { ok: true, id: mainId, version: mainVersion, position };
  }
}
