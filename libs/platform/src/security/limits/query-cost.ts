import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that size a connection page (Relay `first`, and `last` where offered). */
const PAGE_ARGUMENTS = ['first', 'last'];

/**
 * The cost of an operation before it runs: every object field costs 1, scalars cost nothing, and
 * a field with a `first`/`last` argument multiplies the cost of what is below it by the page size
 * (its default when absent). So `a(first: 100) { b(first: 100) { c(first: 100) { id } } }` costs
 * about 100 × 100 × 100: what the server would have to load, not the size of the text.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  defaultPageSize: number,
): number {
  const memo = new Map<string, number>();

  const isPaged = (field: GraphQLField<unknown, unknown>): boolean => field.args.some((arg) => PAGE_ARGUMENTS.includes(arg.name));

  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
    let size: number | null = null;
    for (const name of PAGE_ARGUMENTS) {
      const definition = field.args.find((arg) => arg.name === name);
      if (!definition) continue;
      const given = node.arguments?.find((arg) => arg.name.value === name);
      const value: unknown = given ? valueFromAST(given.value, definition.type, variables) : definition.defaultValue;
      const asked = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : defaultPageSize;
      size = Math.max(size ?? 0, asked);
    }
    return size ?? defaultPageSize;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection and __typename are bounded by the schema; they cost nothing here.
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const type = getNamedType(field.type);
        if (isLeafType(type)) continue;
        const below = selection.selectionSet ? costOf(selection.selectionSet, type) : 0;
        // Each item of a page costs at least 1, even when only its scalars are read.
        total += 1 + (isPaged(field) ? pageSize(selection, field) * Math.max(1, below) : below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, condition);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    memo.set(name, 0); // a cycle (a validation error anyway) must not recurse forever
    const cost = fragment ? costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)) : 0;
    memo.set(name, cost);
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  // Every request costs at least 1, so a flood of tiny queries still draws on the budget.
  return Math.max(1, costOf(operation.selectionSet, root ?? undefined));
}
