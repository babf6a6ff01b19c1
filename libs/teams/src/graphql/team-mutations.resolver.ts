import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import type { CommandResult } from '../application/command-execution';
import { TeamCommandService, type TeamChange } from '../application/team-commands.service';
import { TeamErrors } from '../domain/team.errors';
import {
  ChangeTeamCoverageInput,
  DissolveTeamInput,
  EstablishTeamInput,
  ReissueTeamDecisionInput,
  RenameTeamInput,
} from './team-mutations.input';
import { localIdOf, TeamMutationSupport } from './team-mutation.support';
import type { ExistingTeamInput } from './team-inputs.base';
import {
  ChangeTeamCoveragePayload,
  DissolveTeamPayload,
  EstablishTeamPayload,
  ReissueTeamDecisionPayload,
  RenameTeamPayload,
  type TeamPayload,
} from './team.payload';

/** An unknown village id stays as given: the decider answers VILLAGE_NOT_FOUND for it. */
export const villageIdsOf = (ids: readonly string[]): string[] => ids.map((id) => localIdOf(id, 'Village') ?? id);

/** Mutations on the team itself: establishment, name, coverage, re-confirmation, dissolution. */
@Resolver()
export class TeamMutationsResolver {
  constructor(
    @Inject(TeamCommandService) private readonly teams: TeamCommandService,
    @Inject(TeamMutationSupport) private readonly support: TeamMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => EstablishTeamPayload, { description: "Establishes a team by a decision of its commune's People's Committee." })
  establishTeam(@Args('input') input: EstablishTeamInput, @CurrentActor() actor: RequestActor): Promise<EstablishTeamPayload> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed (the province is checked by the command).
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'establishTeam', input, actor }, async () => {
      const { communeCode, name, level, effectiveDate } = input;
      const { number, date, issuingCommuneCode, signerName, signerTitle } = input.decision;
      const decision = { number, date, issuingCommuneCode, signerName, signerTitle };
      const request = { communeCode, villageIds: villageIdsOf(input.villageIds), name, level, decision, effectiveDate };
      return this.support.payload(EstablishTeamPayload, await this.teams.establishTeam(request, this.support.caller(actor)));
    });
  }

  @Mutation(() => RenameTeamPayload)
  renameTeam(@Args('input') input: RenameTeamInput, @CurrentActor() actor: RequestActor): Promise<RenameTeamPayload> {
    const { name, effectiveDate } = input;
    return this.change('renameTeam', RenameTeamPayload, input, actor, { type: 'RenameTeam', name, effectiveDate, decisionRef: input.decisionRef ?? null });
  }

  @Mutation(() => ChangeTeamCoveragePayload, { description: 'Replaces the set of villages the team serves from effectiveDate.' })
  changeTeamCoverage(@Args('input') input: ChangeTeamCoverageInput, @CurrentActor() actor: RequestActor): Promise<ChangeTeamCoveragePayload> {
    return this.change('changeTeamCoverage', ChangeTeamCoveragePayload, input, actor, {
      type: 'ChangeTeamCoverage',
      villageIds: villageIdsOf(input.villageIds),
      effectiveDate: input.effectiveDate,
      decisionRef: input.decisionRef ?? null,
    });
  }

  @Mutation(() => ReissueTeamDecisionPayload, { description: 'Kiện toàn: records a new decision re-confirming the team.' })
  reissueTeamDecision(@Args('input') input: ReissueTeamDecisionInput, @CurrentActor() actor: RequestActor): Promise<ReissueTeamDecisionPayload> {
    const { number, date, issuingCommuneCode, signerName, signerTitle } = input.decision;
    const decision = { number, date, issuingCommuneCode, signerName, signerTitle };
    return this.change('reissueTeamDecision', ReissueTeamDecisionPayload, input, actor, { type: 'ReissueTeamDecision', decision, effectiveDate: input.effectiveDate });
  }

  @Mutation(() => DissolveTeamPayload, { description: 'Dissolves the team from effectiveDate; memberships and coverage end then.' })
  dissolveTeam(@Args('input') input: DissolveTeamInput, @CurrentActor() actor: RequestActor): Promise<DissolveTeamPayload> {
    return this.change('dissolveTeam', DissolveTeamPayload, input, actor, {
      type: 'DissolveTeam',
      effectiveDate: input.effectiveDate,
      decisionRef: input.decisionRef ?? null,
    });
  }

  private change<P extends TeamPayload>(
    operation: string,
    type: new () => P,
    input: ExistingTeamInput,
    actor: RequestActor,
    change: TeamChange,
  ): Promise<P> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed (the province is checked by the command).
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation, input, actor }, async () => {
      const teamId = localIdOf(input.teamId, 'Team');
      const result: CommandResult = teamId
        ? await this.teams.changeTeam(teamId, change, this.support.caller(actor, input.expectedVersion))
        : { ok: false, error: TeamErrors.notFound() };
      return this.support.payload(type, result);
    });
  }
}
