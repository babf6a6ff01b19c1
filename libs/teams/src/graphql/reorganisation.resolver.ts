import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { codedError, connectionOf, CurrentActor, decodeCursor, isLocalDate, MutationRunner, ProvinceScope, type RequestActor } from '@cdtt/platform';
import { TeamCommandService } from '../application/team-commands.service';
import { TeamErrors } from '../domain/team.errors';
import { ReorganisationReadService, type WorkItemRow } from '../read-models/reorganisation-read.service';
import {
  AssignTeamToSuccessorCommuneInput,
  AssignTeamToSuccessorCommunePayload,
  ReorganisationWorkItemConnection,
  ReorganisationWorkItemType,
  ReorganisationWorkQueueArgs,
  TeamReorganisationType,
} from './reorganisation.types';
import { localIdOf, TeamMutationSupport } from './team-mutation.support';
import { TeamType } from './team.type';

function afterOf(cursor: string | null | undefined): readonly [string, string] | null {
  if (!cursor) return null;
  const [since, id] = decodeCursor(cursor) ?? [];
  if (typeof since !== 'string' || !isLocalDate(since) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
    throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
  }
  return [since, id];
}

/** Teams across administrative reorganisations: their status, the per-province work queue, the choice after a split. */
@Resolver(() => TeamType)
export class ReorganisationResolver {
  constructor(
    @Inject(ReorganisationReadService) private readonly reads: ReorganisationReadService,
    @Inject(TeamCommandService) private readonly teams: TeamCommandService,
    @Inject(TeamMutationSupport) private readonly support: TeamMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @ResolveField(() => TeamReorganisationType, { nullable: true, description: 'Set while the team follows a reorganisation of its commune; null otherwise.' })
  async reorganisation(@Parent() team: TeamType): Promise<TeamReorganisationType | null> {
    const row = await this.reads.statusOf(team.localId);
    return row ? TeamReorganisationType.of(row) : null;
  }

  @Query(() => ReorganisationWorkItemConnection, {
    description: "A province's reorganisation work: teams awaiting a successor choice (default) or a reissued decision, oldest first.",
  })
  async reorganisationWorkQueue(@Args() args: ReorganisationWorkQueueArgs, @CurrentActor() actor: RequestActor): Promise<ReorganisationWorkItemConnection> {
    const after = afterOf(args.after);
    const page = await this.reads.workQueue(args.provinceCode, args.status, args.first + 1, after, ProvinceScope.of(actor));
    return connectionOf(page.rows, args.first, page.totalCount, (row: WorkItemRow) => ReorganisationWorkItemType.of(row), (row) => [row.reorganisation.since, row.id], after !== null);
  }

  @Mutation(() => AssignTeamToSuccessorCommunePayload, {
    description: 'Re-attaches a team whose commune was split to the successor commune a person chose; it then awaits a reissued decision.',
  })
  assignTeamToSuccessorCommune(
    @Args('input') input: AssignTeamToSuccessorCommuneInput,
    @CurrentActor() actor: RequestActor,
  ): Promise<AssignTeamToSuccessorCommunePayload> {
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'assignTeamToSuccessorCommune', input, actor }, async () => {
      const teamId = localIdOf(input.teamId, 'Team');
      const caller = this.support.caller(actor, input.expectedVersion);
      const result = teamId
        ? await this.teams.assignToSuccessorCommune(teamId, input.communeCode, input.decisionRef ?? null, caller)
        : { ok: false as const, error: TeamErrors.notFound() };
      return this.support.payload(AssignTeamToSuccessorCommunePayload, result);
    });
  }
}
