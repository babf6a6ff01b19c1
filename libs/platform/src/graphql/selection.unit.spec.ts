import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectedFieldNames } from './selection';

/** The info of the operation's first root field, as graphql-js hands it to that field's resolver. */
function infoOf(document: string): { fieldNodes: FieldNode[]; fragments: Record<string, FragmentDefinitionNode> } {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error('the first selection must be a field');
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [root], fragments };
}

describe('selectedFieldNames', () => {
  it('names the fields directly under the resolving field, by name and not by alias', () => {
    expect([...selectedFieldNames(infoOf('{ team(id: "x") { id roster: members { fullName } } }'))].sort()).toEqual(['id', 'members']);
  });

  it('looks through inline and named fragments, nested, and counts each named fragment once', () => {
    const names = selectedFieldNames(
      infoOf(`
        query { team(id: "x") { ...A ... on Team { name } } }
        fragment A on Team { villages { name } ...B }
        fragment B on Team { version ...A }`),
    );
    expect([...names].sort()).toEqual(['name', 'version', 'villages']);
  });

  it('does not count fields of deeper levels, and counts a conditionally included field', () => {
    const names = selectedFieldNames(infoOf('query($s: Boolean!) { teams { totalCount @include(if: $s) nodes { members { role } } } }'));
    expect([...names].sort()).toEqual(['nodes', 'totalCount']);
  });

  it('is empty for a field without a selection set, and ignores an unknown fragment', () => {
    expect(selectedFieldNames(infoOf('{ __typename }')).size).toBe(0);
    expect(selectedFieldNames({ ...infoOf('{ team(id: "x") { ...Missing } }'), fragments: {} }).size).toBe(0);
  });
});
