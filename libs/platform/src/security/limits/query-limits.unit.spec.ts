import { buildSchema, getOperationAST, parse } from 'graphql';
import { operationCost } from './query-cost';
import { fragmentsOf, measureOperation } from './query-shape';

const schema = buildSchema(`
  type Query { health: Health! teams(first: Int = 20, after: String): TeamConnection! node(id: ID!): Node }
  interface Node { id: ID! }
  type Health { status: String! }
  type TeamConnection { nodes: [Team!]! totalCount: Int! }
  type Team implements Node { id: ID! name: String! members(first: Int = 20): TeamConnection! leader: Team }
`);

function analyse(query: string, variables: Record<string, unknown> = {}): { depth: number; aliases: number; introspection: boolean; cost: number } {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const fragments = fragmentsOf(document.definitions);
  return { ...measureOperation(operation, fragments), cost: operationCost(schema, operation, fragments, variables, 20) };
}

describe('query shape', () => {
  it('measures nesting through fragments and inline fragments', () => {
    expect(analyse('{ health { status } }')).toMatchObject({ depth: 2, aliases: 0, introspection: false });
    const nested = 'query { node(id: "x") { ... on Team { leader { ...L } } } } fragment L on Team { leader { leader { name } } }';
    expect(analyse(nested).depth).toBe(5);
  });

  it('counts aliases, fragments once per use', () => {
    expect(analyse('{ a: health { status } b: health { s: status } }').aliases).toBe(3);
    expect(analyse('{ ...F x: health { ...F } } fragment F on Query { y: health { status } }').aliases).toBe(3);
  });

  it('measures a fragment bomb in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'a: health { status }'} }`);
    const started = Date.now();
    const shape = analyse(`{ ...F0 } ${fragments.join(' ')}`);
    expect(shape.aliases).toBe(2 ** (levels - 1));
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('sees introspection anywhere, without counting its depth', () => {
    const deep = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }';
    expect(analyse(deep)).toMatchObject({ introspection: true, depth: 1 });
    expect(analyse('{ ...I } fragment I on Query { __type(name: "Team") { name } }').introspection).toBe(true);
    expect(analyse('{ __typename health { __typename } }').introspection).toBe(false);
  });
});

describe('query cost', () => {
  it('costs objects 1 and scalars nothing, at least 1 per request', () => {
    expect(analyse('{ health { status } }').cost).toBe(1);
    expect(analyse('{ __typename }').cost).toBe(1);
  });

  it('multiplies by page sizes, defaults included', () => {
    expect(analyse('{ teams { totalCount } }').cost).toBe(1 + 20);
    expect(analyse('{ teams { nodes { name } } }').cost).toBe(1 + 20 * 1);
    expect(analyse('{ teams(first: 100) { nodes { members(first: 10) { nodes { id } } } } }').cost).toBe(1 + 100 * (1 + 1 * (1 + 10 * 1)));
  });

  it('reads page sizes from variables', () => {
    expect(analyse('query Q($n: Int) { teams(first: $n) { nodes { id } } }', { n: 50 }).cost).toBe(51);
    expect(analyse('query Q($n: Int) { teams(first: $n) { nodes { id } } }').cost).toBe(21);
  });

  it('prices a huge connection at what it would load', () => {
    const huge = '{ teams(first: 100) { nodes { members(first: 100) { nodes { members(first: 100) { nodes { name } } } } } } }';
    expect(analyse(huge).cost).toBeGreaterThan(1_000_000);
  });

  it('prices fragments where they are used', () => {
    expect(analyse('{ a: teams(first: 5) { ...N } b: teams(first: 5) { ...N } } fragment N on TeamConnection { nodes { id } }').cost).toBe(12);
    expect(analyse('{ node(id: "x") { ... on Team { members(first: 100) { totalCount } } } }').cost).toBe(1 + 1 + 100);
  });
});
