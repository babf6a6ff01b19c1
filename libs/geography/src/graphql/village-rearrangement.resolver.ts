import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, fromGlobalId, MutationRunner, ProjectionConsumers, ProjectionWaiter, ProvinceScope, userErrorsOf, type RequestActor } from '@cdtt/platform';
import { VillageRearrangementHandler, type RearrangementOutcome } from '../application/villages/village-rearrangement.handler';
import { GeographyReadService } from '../read-models/geography-read.service';
import { villageCopies } from '../read-models/villages.projection';
import { MergeVillagesInput, MoveVillageInput, RearrangeVillagesPayload, SplitVillageInput } from './village-rearrangement.types';
import { VillageType } from './village.type';

/** A global id of a Village, or an id that matches nothing (answered VILLAGE_NOT_FOUND). */
const villageIdOf = (globalId: string): string => {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === 'Village' ? parsed.localId : '';
};

/** The village rearrangement (2026): merge, split, move. Teams follow by mergeTeams / splitTeam. */
@Resolver()
export class VillageRearrangementResolver {
  constructor(
    @Inject(VillageRearrangementHandler) private readonly handler: VillageRearrangementHandler,
    @Inject(GeographyReadService) private readonly reads: GeographyReadService,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
    @Inject(ProjectionWaiter) private readonly waiter: ProjectionWaiter,
    @Inject(ProjectionConsumers) private readonly consumers: ProjectionConsumers,
  ) {}

  @Mutation(() => RearrangeVillagesPayload, { description: 'Merges villages of one commune into a new village by decision.' })
  mergeVillages(@Args('input') input: MergeVillagesInput, @CurrentActor() actor: RequestActor): Promise<RearrangeVillagesPayload> {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'mergeVillages', input, actor }, async () => {
      const into = { name: input.into.name, kind: input.into.kind, households: input.into.households ?? null };
      return this.payload(await this.handler.merge(input.villageIds.map(villageIdOf), into, input.mergedOn, input.decisionRef, actor, scope));
    });
  }

  @Mutation(() => RearrangeVillagesPayload, { description: 'Splits a village into new villages of its commune by decision.' })
  splitVillage(@Args('input') input: SplitVillageInput, @CurrentActor() actor: RequestActor): Promise<RearrangeVillagesPayload> {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'splitVillage', input, actor }, async () => {
      const parts = input.parts.map((p) => ({ name: p.name, kind: p.kind, households: p.households ?? null }));
      return this.payload(await this.handler.split(villageIdOf(input.villageId), parts, input.splitOn, input.decisionRef, actor, scope));
    });
  }

  @Mutation(() => RearrangeVillagesPayload, { description: 'Moves a village to another commune by decision.' })
  moveVillage(@Args('input') input: MoveVillageInput, @CurrentActor() actor: RequestActor): Promise<RearrangeVillagesPayload> {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'moveVillage', input, actor }, async () =>
      this.payload(await this.handler.move(villageIdOf(input.villageId), input.toCommuneCode, input.movedOn, input.decisionRef, actor, scope)),
    );
  }

  private async payload(outcome: RearrangementOutcome): Promise<RearrangeVillagesPayload> {
    if (!outcome.ok) {
      const userErrors = userErrorsOf(outcome.error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
      return Object.assign(new RearrangeVillagesPayload(), { villages: [], userErrors });
    }
    if (outcome.position !== null) await this.waiter.waitFor(villageCopies(this.consumers), outcome.position);
    const records = await this.reads.findVillages(outcome.villageIds, ProvinceScope.UNRESTRICTED);
    return Object.assign(new RearrangeVillagesPayload(), { villages: records.map((r) => VillageType.of(r)), userErrors: [] });
  }
}
