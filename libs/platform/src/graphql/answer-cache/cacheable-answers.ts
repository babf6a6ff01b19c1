import {
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a bounded context declares of answers that may be remembered (ADR 0024): root query fields,
 * the fields of each type they may reach, and the projections whose read models hold every value
 * of them. Listing a field asserts that its value is read only from those read models, is the same
 * for every caller of one scope, does not depend on the clock, and is not personal data.
 */
export interface CacheableAnswers {
  readonly rootFields: readonly string[];
  /** Type name -> the fields of it that such answers may contain (`__typename` always may). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly projections: readonly string[];
}

/**
 * The projections that version the answer to `operation`, or null when it may not be remembered:
 * not a query, or a field (at any depth, through fragments) that no declaration lists for its type.
 * Interfaces and unions are not followed: a field returning one makes the answer uncacheable.
 */
export function projectionsOfCacheable(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  declarations: readonly CacheableAnswers[],
): readonly string[] | null {
  const root = schema.getQueryType();
  if (operation.operation !== OperationTypeNode.QUERY || !root) return null;
  const allowed = new Map<string, Set<string>>();
  for (const declaration of declarations) {
    for (const [type, names] of Object.entries(declaration.fields)) {
      const set = allowed.get(type) ?? new Set<string>();
      for (const name of names) set.add(name);
      allowed.set(type, set);
    }
  }
  const projections = new Set<string>();
  const visiting = new Set<string>();

  const walk = (set: SelectionSetNode, type: GraphQLObjectType, atRoot: boolean): boolean => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const name = selection.name.value;
        // Unknown or cyclic spreads are validation errors; Apollo refuses them before this runs.
        if (!fragment || visiting.has(name) || !sameType(fragment.typeCondition.name.value, type)) return false;
        visiting.add(name);
        const ok = walk(fragment.selectionSet, type, atRoot);
        visiting.delete(name);
        if (!ok) return false;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && !sameType(selection.typeCondition.name.value, type)) return false;
        if (!walk(selection.selectionSet, type, atRoot)) return false;
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (atRoot) {
        const owners = declarations.filter((d) => d.rootFields.includes(name));
        if (owners.length === 0) return false;
        for (const owner of owners) for (const projection of owner.projections) projections.add(projection);
      } else if (!allowed.get(type.name)?.has(name)) {
        return false;
      }
      const field = type.getFields()[name];
      if (!field) return false;
      const returned = getNamedType(field.type);
      if (selection.selectionSet) {
        if (!isObjectType(returned) || !walk(selection.selectionSet, returned, false)) return false;
      }
    }
    return true;
  };

  return walk(operation.selectionSet, root, true) && projections.size > 0 ? [...projections].sort() : null;
}

const sameType = (condition: string, type: GraphQLObjectType): boolean => condition === type.name;
