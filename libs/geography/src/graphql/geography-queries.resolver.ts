import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Clock } from '@cdtt/event-sourcing';
import { CLOCK, CurrentActor, localDateOf, PageInfoType, ProvinceScope, type RequestActor } from '@cdtt/platform';
import type { RecordPage } from '../read-models/geography-records';
import { GeographyReadService } from '../read-models/geography-read.service';
import { AdminUnitType } from './admin-unit.type';
import { AdminUnitConnection, VillageConnection } from './geography.connections';
import { AdminUnitArgs, AdminUnitsArgs, VillagesArgs } from './geography-queries.input';
import { VillageType } from './village.type';
import { AdminLevelEnum } from './geography.enums';

/** A read-model page as a Relay connection of GraphQL objects. */
function connectionOf<R, T, C extends object>(page: RecordPage<R>, toNode: (record: R) => T, into: new () => C): C {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.record) }));
  return Object.assign(new into(), {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: page.totalCount,
    pageInfo: Object.assign(new PageInfoType(), {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  });
}

/** Reads of the administrative tree (as in force on a date) and of villages. */
const LEVEL_BY_CODE_LENGTH: Readonly<Record<number, AdminLevelEnum>> = {
  2: AdminLevelEnum.PROVINCE,
  3: AdminLevelEnum.DISTRICT,
  5: AdminLevelEnum.COMMUNE,
};

@Resolver()
export class GeographyQueriesResolver {
  constructor(
    @Inject(GeographyReadService) private readonly reads: GeographyReadService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private asOf(value: string | null | undefined): string {
    return value ?? localDateOf(this.clock.now());
  }

  @Query(() => AdminUnitType, { nullable: true, description: 'The unit with this code and level in force on asOf (default today).' })
  async adminUnit(@Args() args: AdminUnitArgs): Promise<AdminUnitType | null> {
    // The code's length is its level; a level given that disagrees simply finds nothing.
    const level = args.level ?? LEVEL_BY_CODE_LENGTH[args.code.length];
    if (!level) return null;
    const record = await this.reads.findUnit(level, args.code, this.asOf(args.asOf));
    return record ? AdminUnitType.of(record) : null;
  }

  @Query(() => AdminUnitConnection, { description: 'Units of a level in force on asOf (default today), by code.' })
  async adminUnits(@Args() args: AdminUnitsArgs): Promise<AdminUnitConnection> {
    const page = await this.reads.listUnits(args.level, args.parentCode ?? null, this.asOf(args.asOf), args.first, args.after);
    return connectionOf(page, (record) => AdminUnitType.of(record), AdminUnitConnection);
  }

  @Query(() => VillageConnection, { description: 'Villages of a commune (active and retired), by name.' })
  async villages(@Args() args: VillagesArgs, @CurrentActor() actor: RequestActor): Promise<VillageConnection> {
    // Admin units are public reference data; villages are scoped by their commune's province.
    const page = await this.reads.listVillages(args.communeCode, args.first, args.after, ProvinceScope.of(actor));
    return connectionOf(page, (record) => VillageType.of(record), VillageConnection);
  }
}
