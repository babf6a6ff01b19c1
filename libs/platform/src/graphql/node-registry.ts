import { Injectable } from '@nestjs/common';
import type { RequestActor } from './request-actor';

export type NodeLoader = (localId: string, actor: RequestActor) => Promise<object | null>;

/**
 * Each context registers how to load its Node types by local id; `node(id)` dispatches here.
 * Loaders apply the same access checks as their root queries (an unknown and a forbidden object
 * both come back null).
 */
@Injectable()
export class NodeRegistry {
  private readonly loaders = new Map<string, NodeLoader>();

  register(typeName: string, loader: NodeLoader): void {
    if (this.loaders.has(typeName)) throw new Error(`Node type ${typeName} registered twice`);
    this.loaders.set(typeName, loader);
  }

  async load(typeName: string, localId: string, actor: RequestActor): Promise<object | null> {
    const loader = this.loaders.get(typeName);
    return loader ? loader(localId, actor) : null;
  }
}
