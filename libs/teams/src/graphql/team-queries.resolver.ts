import { Inject } from '@nestjs/common';
import { Args, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GeographyReadService, VillageType } from '@cdtt/geography';
import {
  codedError,
  connectionOf,
  CurrentActor,
  decodeCursor,
  isLocalDate,
  localDateOf,
  ProvinceScope,
  selectedFieldNames,
  TimeBasis,
  type RequestActor,
} from '@cdtt/platform';
import { TeamAsOfReads } from '../read-models/team-as-of.reads';
import { TeamReadService } from '../read-models/team-read.service';
import type { TeamRow } from '../read-models/team.rows';
import { localIdOf } from './team-mutation.support';
import { TeamsArgs } from './team-queries.input';
import { OrderDirection, TeamOrderField } from './team.enums';
import { TeamConnection } from './team.connection';
import { TeamMemberType, TeamType } from './team.type';

/** A cursor of this ordering: [sort key, id], both strings. */
function afterOf(cursor: string | null | undefined, field: TeamOrderField): readonly [string, string] | null {
  if (!cursor) return null;
  const [key, id] = decodeCursor(cursor) ?? [];
  const keyOk = typeof key === 'string' && (field === TeamOrderField.NAME || isLocalDate(key));
  if (!keyOk || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
    throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
  }
  return [key, id];
}

@Resolver(() => TeamType)
export class TeamQueriesResolver {
  constructor(
    @Inject(TeamReadService) private readonly reads: TeamReadService,
    @Inject(GeographyReadService) private readonly geography: GeographyReadService,
    @Inject(TeamAsOfReads) private readonly asOfReads: TeamAsOfReads,
  ) {}

  @Query(() => TeamType, {
    nullable: true,
    description: 'A team by global id; null when there is none. With asOf: its members and villages on that date, on the basis clock (ADR 0011); null when not yet established then.',
  })
  async team(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: RequestActor,
    @Args('asOf', { type: () => String, nullable: true, description: 'A date (YYYY-MM-DD); default today.' }) asOf: string | null | undefined,
    @Args('basis', { type: () => TimeBasis, nullable: true, description: 'EFFECTIVE (default) or RECORDED.' }) basis: TimeBasis | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TeamType | null> {
    const teamId = localIdOf(id, 'Team');
    if ((asOf ?? null) !== null || (basis ?? null) !== null) {
      if (asOf && !isLocalDate(asOf)) throw codedError('BAD_USER_INPUT', 'asOf must be a date YYYY-MM-DD', { fields: [{ field: 'asOf', problems: ['not a date'] }] });
      const date = asOf ?? localDateOf(new Date());
      const found = teamId ? await this.asOfReads.team(teamId, date, basis ?? TimeBasis.EFFECTIVE, ProvinceScope.of(actor)) : null;
      return found ? Object.assign(TeamType.of(found.row), { preloaded: { members: found.members, villages: found.villages } }) : null;
    }
    if (!teamId) return null;
    // Read ahead: the members and villages the query selects come in the team's own statement.
    const selected = selectedFieldNames(info);
    const found = await this.reads.findTeamWith(teamId, ProvinceScope.of(actor), { members: selected.has('members'), villages: selected.has('villages') });
    return found ? Object.assign(TeamType.of(found.row), { preloaded: { members: found.members, villageRecords: found.villages } }) : null;
  }

  @Query(() => TeamConnection, { description: 'Teams by filter, in a stable order (the sort key, then id).' })
  async teams(@Args() args: TeamsArgs, @CurrentActor() actor: RequestActor): Promise<TeamConnection> {
    const order = { field: args.orderBy?.field ?? TeamOrderField.NAME, direction: args.orderBy?.direction ?? OrderDirection.ASC };
    const after = afterOf(args.after, order.field);
    const page = await this.reads.listTeams(args.filter ?? {}, order, args.first + 1, after, ProvinceScope.of(actor));
    const keyOf = (row: TeamRow): string => (order.field === TeamOrderField.NAME ? row.name : row.established_on);
    return connectionOf(page.rows, args.first, page.totalCount, (row) => TeamType.of(row), (row) => [keyOf(row), row.id], after !== null);
  }

  @ResolveField(() => [TeamMemberType], { description: 'Current members, leader first; personal fields decrypted at read time.' })
  async members(@Parent() team: TeamType, @CurrentActor() actor: RequestActor): Promise<TeamMemberType[]> {
    // Scoped again, not trusted from the parent, when not read with it: a Team can be reached through more than one path.
    const views = team.preloaded?.members ?? (await this.reads.currentMembers(team.localId, ProvinceScope.of(actor)));
    return views.map((view) => TeamMemberType.of(view));
  }

  @ResolveField(() => [VillageType], { description: 'Villages the team serves now.' })
  async villages(@Parent() team: TeamType, @CurrentActor() actor: RequestActor): Promise<VillageType[]> {
    const scope = ProvinceScope.of(actor);
    const records = team.preloaded?.villageRecords ?? (await this.geography.findVillages(await this.villageIds(team, scope), scope));
    return records.map((record) => VillageType.of(record));
  }

  private async villageIds(team: TeamType, scope: ProvinceScope): Promise<string[]> {
    return (team.preloaded?.villages ?? (await this.reads.currentVillages(team.localId, scope))).map((village) => village.villageId);
  }
}
