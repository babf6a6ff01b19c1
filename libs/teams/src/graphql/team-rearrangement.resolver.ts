import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, MutationRunner, ProvinceScope, toGlobalId, type RequestActor } from '@cdtt/platform';
import { TeamRearrangementService } from '../application/team-rearrangement.service';
import { TeamErrors } from '../domain/team.errors';
import { villageIdsOf } from './team-mutations.resolver';
import { localIdOf, TeamMutationSupport } from './team-mutation.support';
import { MergeTeamsInput, MergeTeamsPayload, SplitTeamInput, SplitTeamPayload } from './team-rearrangement.types';

/** An unknown person id stays as given: the rules answer LEADER_NOT_A_MEMBER / MEMBER_NOT_ON_TEAM for it. */
const personIdOf = (id: string): string => localIdOf(id, 'Person') ?? id;

/** Teams following merged and split villages (ADR 0012). */
@Resolver()
export class TeamRearrangementResolver {
  constructor(
    @Inject(TeamRearrangementService) private readonly rearrangements: TeamRearrangementService,
    @Inject(TeamMutationSupport) private readonly support: TeamMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => MergeTeamsPayload, { description: 'Merges teams of merged villages into the survivor (members united, one leader chosen); the others end.' })
  mergeTeams(@Args('input') input: MergeTeamsInput, @CurrentActor() actor: RequestActor): Promise<MergeTeamsPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'mergeTeams', input, actor }, async () => {
      const survivorTeamId = localIdOf(input.teamId, 'Team');
      const absorbedTeamIds = input.absorbedTeamIds.map((id) => localIdOf(id, 'Team'));
      const caller = this.support.caller(actor, input.expectedVersion);
      const { number, date, issuingCommuneCode, signerName, signerTitle } = input.decision;
      const result =
        survivorTeamId && absorbedTeamIds.every((id): id is string => id !== null)
          ? await this.rearrangements.mergeTeams(
              {
                survivorTeamId,
                absorbedTeamIds,
                leaderPersonId: personIdOf(input.leaderPersonId),
                villageIds: villageIdsOf(input.villageIds),
                decision: { number, date, issuingCommuneCode, signerName, signerTitle },
                effectiveDate: input.effectiveDate,
              },
              caller,
            )
          : { ok: false as const, error: TeamErrors.notFound() };
      return this.support.payload(MergeTeamsPayload, result);
    });
  }

  @Mutation(() => SplitTeamPayload, { description: 'Splits the team of a split village into new teams (members allocated, each with a leader); the team ends.' })
  splitTeam(@Args('input') input: SplitTeamInput, @CurrentActor() actor: RequestActor): Promise<SplitTeamPayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'splitTeam', input, actor }, async () => {
      const teamId = localIdOf(input.teamId, 'Team');
      const caller = this.support.caller(actor, input.expectedVersion);
      const { number, date, issuingCommuneCode, signerName, signerTitle } = input.decision;
      const parts = input.parts.map((p) => ({
        name: p.name,
        villageIds: villageIdsOf(p.villageIds),
        leaderPersonId: personIdOf(p.leaderPersonId),
        memberPersonIds: p.memberPersonIds.map(personIdOf),
      }));
      const result = teamId
        ? await this.rearrangements.splitTeam({ teamId, parts, decision: { number, date, issuingCommuneCode, signerName, signerTitle }, effectiveDate: input.effectiveDate }, caller)
        : { ok: false as const, error: TeamErrors.notFound() };
      const partIds = result.ok && 'partIds' in result ? (result.partIds ?? []).map((id) => toGlobalId('Team', id)) : null;
      return this.support.payload(SplitTeamPayload, result, { partIds });
    });
  }
}
