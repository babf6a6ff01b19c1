import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@cdtt/event-sourcing';
import { CurrentActor, fromGlobalId, MutationRunner, ProjectionConsumers, ProjectionWaiter, ProvinceScope, userErrorsOf, type RequestActor } from '@cdtt/platform';
import { VillageCommandHandler, type VillageOutcome } from '../application/villages/village-command.handler';
import { GeographyReadService } from '../read-models/geography-read.service';
import { villageCopies } from '../read-models/villages.projection';
import { RegisterVillageInput, RenameVillageInput, RetireVillageInput } from './village-mutations.input';
import { RegisterVillagePayload, RenameVillagePayload, RetireVillagePayload } from './village.payload';
import { VillageType } from './village.type';

type PayloadClass<P> = new () => P;

/** A global id of a Village, or an id that matches nothing (the decider answers VILLAGE_NOT_FOUND). */
function villageIdOf(globalId: string): string {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === 'Village' ? parsed.localId : '';
}

@Resolver()
export class VillageMutationsResolver {
  constructor(
    @Inject(VillageCommandHandler) private readonly commands: VillageCommandHandler,
    @Inject(GeographyReadService) private readonly reads: GeographyReadService,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
    @Inject(ProjectionWaiter) private readonly waiter: ProjectionWaiter,
    @Inject(ProjectionConsumers) private readonly consumers: ProjectionConsumers,
  ) {}

  @Mutation(() => RegisterVillagePayload, { description: 'Records a village of a commune in force on registeredOn.' })
  registerVillage(@Args('input') input: RegisterVillageInput, @CurrentActor() actor: RequestActor): Promise<RegisterVillagePayload> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed; provinces are checked by the handler.
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'registerVillage', input, actor }, async () => {
      const { communeCode, name, kind, registeredOn } = input;
      const outcome = await this.commands.register({ communeCode, name, kind, households: input.households ?? null, registeredOn }, actor, scope);
      return this.payload(RegisterVillagePayload, outcome);
    });
  }

  @Mutation(() => RenameVillagePayload, { description: 'Gives an active village a new name from renamedOn.' })
  renameVillage(@Args('input') input: RenameVillageInput, @CurrentActor() actor: RequestActor): Promise<RenameVillagePayload> {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'renameVillage', input, actor }, async () => {
      const id = villageIdOf(input.villageId);
      const outcome = await this.commands.rename(id, input.name, input.renamedOn, actor, scope, input.expectedVersion ?? undefined);
      return this.payload(RenameVillagePayload, outcome);
    });
  }

  @Mutation(() => RetireVillagePayload, { description: 'Records that a village ceased to exist on retiredOn (history is kept).' })
  retireVillage(@Args('input') input: RetireVillageInput, @CurrentActor() actor: RequestActor): Promise<RetireVillagePayload> {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return this.runner.run({ operation: 'retireVillage', input, actor }, async () => {
      const id = villageIdOf(input.villageId);
      const outcome = await this.commands.retire(id, input.retiredOn, input.reason ?? null, actor, scope, input.expectedVersion ?? undefined);
      return this.payload(RetireVillagePayload, outcome);
    });
  }

  /**
   * Waits for villages_v1 and every copy of village events (the teams and field-work contexts
   * decide on their own copies) to hold the change (read-your-writes), then reads back the village.
   */
  private async payload<P extends object>(type: PayloadClass<P>, outcome: VillageOutcome): Promise<P> {
    if (!outcome.ok) return Object.assign(new type(), { village: null, version: null, userErrors: inputErrors(outcome.error) });
    if (outcome.position !== null) await this.waiter.waitFor(villageCopies(this.consumers), outcome.position);
    const [record] = await this.reads.findVillages([outcome.villageId], ProvinceScope.UNRESTRICTED);
    return Object.assign(new type(), { village: record ? VillageType.of(record) : null, version: outcome.revision, userErrors: [] });
  }
}

/** Domain fields are input fields: the path starts at `input`, as in the other contexts. */
function inputErrors(error: DomainError) {
  return userErrorsOf(error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
}
