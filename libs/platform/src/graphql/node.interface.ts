import { Field, ID, InterfaceType } from '@nestjs/graphql';

/**
 * Relay `Node`: every object with a global id. The loader registered for a type returns an
 * instance of that type's GraphQL class; its constructor tells GraphQL the concrete type.
 */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id (Relay).',
  resolveType: (value: object) => value.constructor,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}
