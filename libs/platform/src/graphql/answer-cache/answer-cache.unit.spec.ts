import { ApolloServer } from '@apollo/server';
import { AnswerCache } from './answer-cache';
import { answerCachePlugin } from './answer-cache.plugin';
import type { CacheableAnswers } from './cacheable-answers';
import type { RequestActor } from '../request-actor';

describe('AnswerCache', () => {
  const none = (): Promise<string> => Promise.resolve('');

  it('serves an answer only under the version it was stored at', () => {
    const cache = new AnswerCache(none, { maxEntries: 10, maxJsonChars: 1_000 });
    cache.set('k', 'v1', { a: 1 });
    expect(cache.get('k', 'v1')).toEqual({ a: 1 });
    expect(cache.get('k', 'v2')).toBeUndefined();
    expect(cache.get('other', 'v1')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('drops the least recently used past its bounds, and keeps nothing larger than them', () => {
    const cache = new AnswerCache(none, { maxEntries: 2, maxJsonChars: 40 });
    cache.set('a', 'v', { x: 1 });
    cache.set('b', 'v', { x: 2 });
    cache.get('a', 'v');
    cache.set('c', 'v', { x: 3 });
    expect([cache.get('a', 'v'), cache.get('b', 'v'), cache.get('c', 'v')]).toEqual([{ x: 1 }, undefined, { x: 3 }]);
    cache.set('big', 'v', { text: 'x'.repeat(50) });
    expect(cache.get('big', 'v')).toBeUndefined();
    cache.set('d', 'v', { text: 'y'.repeat(20) });
    expect(cache.stats().jsonChars).toBeLessThanOrEqual(40);
    expect(cache.get('d', 'v')).toEqual({ text: 'y'.repeat(20) });
  });
});

describe('answerCachePlugin over a real Apollo Server', () => {
  const DECLARED: CacheableAnswers = { rootFields: ['greeting'], fields: { Greeting: ['text'] }, projections: ['greetings_v1'] };
  let version = 'v1';
  let computed = 0;
  let failing = false;
  const server = new ApolloServer<{ req?: { actor?: RequestActor } }>({
    typeDefs: 'type Query { greeting(name: String): Greeting! secret: String! } type Greeting { text: String! count: Int! }',
    resolvers: {
      Query: {
        greeting: (_: unknown, args: { name?: string }, context: { req?: { actor?: RequestActor } }) => {
          computed += 1;
          if (failing) throw new Error('read failed');
          const where = context.req?.actor?.provinceCodes.join(',') || 'all';
          return { text: `hello ${args.name ?? 'you'} of ${where}`, count: computed };
        },
        secret: () => `computed ${++computed}`,
      },
    },
    plugins: [answerCachePlugin(new AnswerCache(() => Promise.resolve(version)), [DECLARED])],
  });
  const portal = (province: string): { req: { actor: RequestActor } } => ({ req: { actor: { clientId: `p${province}`, role: 'PORTAL', provinceCodes: [province] } } });
  const ask = async (query: string, variables: Record<string, unknown> = {}, contextValue = portal('01')): Promise<unknown> => {
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('not a single result');
    return response.body.singleResult;
  };

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    computed = 0;
    failing = false;
    version = `v${Math.random()}`;
  });

  it('answers the same question at the same version from memory, and computes again when the version moves', async () => {
    const first = await ask('{ greeting { text } }');
    expect(await ask('{ greeting { text } }')).toEqual(first);
    expect(computed).toBe(1);
    version = 'moved';
    expect(await ask('{ greeting { text } }')).toEqual(first);
    expect(computed).toBe(2);
  });

  it('keeps scopes and variables apart', async () => {
    const q = 'query($n: String) { greeting(name: $n) { text } }';
    expect(await ask(q, { n: 'Lan' })).toEqual({ data: { greeting: { text: 'hello Lan of 01' } } });
    expect(await ask(q, { n: 'Lan' }, portal('02'))).toEqual({ data: { greeting: { text: 'hello Lan of 02' } } });
    expect(await ask(q, { n: 'Minh' })).toEqual({ data: { greeting: { text: 'hello Minh of 01' } } });
    expect(computed).toBe(3);
  });

  it('computes every time a question with an undeclared field, or one that failed', async () => {
    await ask('{ greeting { text count } }');
    await ask('{ greeting { text count } }');
    await ask('{ secret }');
    expect(await ask('{ secret }')).toEqual({ data: { secret: 'computed 4' } });
    failing = true;
    await ask('{ greeting { text } }');
    failing = false;
    expect(await ask('{ greeting { text } }')).toMatchObject({ data: { greeting: { text: 'hello you of 01' } } });
    expect(computed).toBe(6);
  });
});
