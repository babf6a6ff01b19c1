import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  readonly depth: number;
  readonly aliases: number;
  readonly introspection: boolean;
}

/**
 * Depth, alias count and use of introspection of one operation, following fragment spreads.
 * Each fragment is measured once and reused (a fragment used twice counts twice, but is not walked
 * twice), so "fragment bombs" cost linear time to measure.
 */
export function measureOperation(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): QueryShape {
  const memo = new Map<string, QueryShape>();
  const visiting = new Set<string>();

  const fragmentShape = (name: string): QueryShape => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic spreads are validation errors; measure them as empty.
    if (!fragment || visiting.has(name)) return { depth: 0, aliases: 0, introspection: false };
    visiting.add(name);
    const shape = measure(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, shape);
    return shape;
  };

  const measure = (set: SelectionSetNode): QueryShape => {
    let depth = 0;
    let aliases = 0;
    let introspection = false;
    for (const selection of set.selections) {
      let inner: QueryShape;
      if (selection.kind === Kind.FIELD) {
        const schemaField = selection.name.value === '__schema' || selection.name.value === '__type';
        const below = selection.selectionSet ? measure(selection.selectionSet) : { depth: 0, aliases: 0, introspection: false };
        if (selection.alias) aliases += 1;
        // Introspection depth is fixed by the schema (TypeRef nests ofType ~8 deep): not counted.
        inner = { depth: schemaField ? 1 : 1 + below.depth, aliases: below.aliases, introspection: schemaField || below.introspection };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      introspection ||= inner.introspection;
    }
    return { depth, aliases, introspection };
  };

  return measure(operation.selectionSet);
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      map.set(fragment.name.value, fragment);
    }
  }
  return map;
}
