import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { fromGlobalId } from './global-id';
import { NodeInterface } from './node.interface';
import { NodeRegistry } from './node-registry';
import { CurrentActor, type RequestActor } from './request-actor';

@Resolver(() => NodeInterface)
export class NodeResolver {
  constructor(@Inject(NodeRegistry) private readonly registry: NodeRegistry) {}

  @Query(() => NodeInterface, { nullable: true, description: 'Any object by its global id; null when unknown or not visible.' })
  async node(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: RequestActor): Promise<object | null> {
    const parsed = fromGlobalId(id);
    return parsed ? this.registry.load(parsed.typeName, parsed.localId, actor) : null;
  }
}
