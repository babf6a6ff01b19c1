import { buildSchema, getOperationAST, parse } from 'graphql';
import { fragmentsOf } from '../../security/limits/query-shape';
import { projectionsOfCacheable, type CacheableAnswers } from './cacheable-answers';

const schema = buildSchema(`
  type Query { teams(first: Int): TeamConnection! villages: [Village!]! stats: Int node(id: ID!): Node }
  type Mutation { rename(name: String!): Team }
  interface Node { id: ID! }
  type TeamConnection { nodes: [Team!]! totalCount: Int! }
  type Team implements Node { id: ID! name: String! members: [Member!]! }
  type Member { fullName: String! }
  type Village implements Node { id: ID! name: String! }
`);

const TEAMS: CacheableAnswers = { rootFields: ['teams'], fields: { TeamConnection: ['nodes', 'totalCount'], Team: ['id', 'name'] }, projections: ['teams_v1'] };
const VILLAGES: CacheableAnswers = { rootFields: ['villages'], fields: { Village: ['id', 'name'] }, projections: ['villages_v1'] };

function projections(query: string, declarations: readonly CacheableAnswers[] = [TEAMS, VILLAGES]): readonly string[] | null {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return projectionsOfCacheable(schema, operation, fragmentsOf(document.definitions), declarations);
}

describe('which answers may be remembered', () => {
  it('a query of declared fields only, with the projections of its root fields', () => {
    expect(projections('{ teams(first: 5) { totalCount nodes { id name __typename } } }')).toEqual(['teams_v1']);
    expect(projections('{ a: teams { nodes { id } } villages { name } }')).toEqual(['teams_v1', 'villages_v1']);
  });

  it('follows fragment spreads and inline fragments on the same type', () => {
    expect(projections('{ teams { nodes { ...T ... on Team { name } } } } fragment T on Team { id }')).toEqual(['teams_v1']);
    expect(projections('{ teams { nodes { ...T } } } fragment T on Team { members { fullName } }')).toBeNull();
  });

  it('not a field the declaration leaves out, at any depth', () => {
    expect(projections('{ teams { nodes { id members { fullName } } } }')).toBeNull();
    expect(projections('{ teams { nodes { id } } stats }')).toBeNull();
    expect(projections('{ villages { name } }', [TEAMS])).toBeNull();
  });

  it('not a mutation, an interface, or nothing but __typename', () => {
    expect(projections('mutation { rename(name: "x") { id } }')).toBeNull();
    expect(projections('{ node(id: "x") { id } }', [{ ...TEAMS, rootFields: ['teams', 'node'] }])).toBeNull();
    expect(projections('{ __typename }')).toBeNull();
  });
});
