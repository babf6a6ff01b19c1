import fc from 'fast-check';
import { FIELDWORK_MUTATIONS } from './support/fieldwork-e2e.queries';
import { NewopsWorld } from './support/authorization-newops';
import { documentedCodes } from './support/hostile-world';
import { hostileObject, INTERNALS, newopsBases, wrongShape } from './support/hostile-newops';
import { REPORTING_MUTATIONS } from './support/reporting-e2e.client';
import { lastCommitted } from './support/catch-up';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);
const SEED = 5570;
const MUTATIONS = { ...FIELDWORK_MUTATIONS, ...REPORTING_MUTATIONS } as const;
type Name = keyof typeof MUTATIONS;

interface Payload {
  version?: number | null;
  userErrors?: Array<{ code: string }>;
}

/**
 * Random and hostile inputs (fast-check, fixed seed) to every field-work and reporting mutation,
 * as the admin (who may reach every rule): never a 5xx, every rejection carries a documented code,
 * no internals leak, and a rejected mutation leaves the event store as it was.
 */
describe('hostile input over HTTP on every field-work and reporting mutation', () => {
  const world = new NewopsWorld();
  const codes = documentedCodes();
  const names = Object.keys(MUTATIONS) as Name[];
  let bases: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    await world.open();
    bases = newopsBases(world);
    // Registers this spec's own admin client now, so its events are written before any property runs.
    expect((await world.http('{ health { status } }', {})).status).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await world.close();
  });

  const head = async (): Promise<string> => String(await lastCommitted(world.reporting.runtime));

  it('covers every new mutation', () => {
    expect(names).toHaveLength(16);
    expect(Object.keys(bases).sort()).toEqual([...names].sort());
  });

  it.each(Object.keys(MUTATIONS) as Name[])('%s: never 5xx, every rejection coded, nothing leaked, nothing written when rejected', async (name) => {
    let rejected = 0;
    const arbitrary = fc.oneof({ arbitrary: hostileObject(bases[name] ?? {}), weight: 12 }, { arbitrary: wrongShape, weight: 1 });
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const before = await head();
        const { status, body: answer } = await world.http(MUTATIONS[name], { input });
        const text = JSON.stringify(answer);
        const context = `${name} ${JSON.stringify(input).slice(0, 300)} -> ${status} ${text.slice(0, 500)}`;
        if (status >= 500) throw new Error(`HTTP ${status}: ${context}`);
        for (const pattern of INTERNALS) if (pattern.test(text)) throw new Error(`leak ${pattern}: ${context}`);
        const errors = answer.errors ?? [];
        for (const error of errors) {
          const code = error.extensions?.code;
          if (typeof code !== 'string' || !codes.has(code) || code === 'INTERNAL_SERVER_ERROR') throw new Error(`uncoded top-level error: ${context}`);
          if ('stacktrace' in (error.extensions ?? {})) throw new Error(`stack trace: ${context}`);
        }
        const payload = answer.data?.[name] as Payload | null | undefined;
        if (errors.length === 0 && !payload) throw new Error(`neither data nor errors: ${context}`);
        const userErrors = payload?.userErrors ?? [];
        for (const userError of userErrors) if (!codes.has(userError.code)) throw new Error(`undocumented userError code ${userError.code}: ${context}`);
        if (errors.length > 0 || userErrors.length > 0) {
          rejected += 1;
          if ((payload?.version ?? null) !== null) throw new Error(`a rejection with a version: ${context}`);
          const after = await head();
          if (after !== before) throw new Error(`events written after a rejection (${before} -> ${after}): ${context}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(rejected).toBeGreaterThan(0);
  }, 90_000);

  it('answers coded errors for wrong-typed variables and a missing input', async () => {
    for (const name of names) {
      for (const input of [null, 7, 'x', [], [{}], {}]) {
        const { status, body: answer } = await world.http(MUTATIONS[name], { input });
        expect([name, input, status < 500]).toEqual([name, input, true]);
        expect([name, input, answer.errors?.[0]?.extensions.code]).toEqual([name, input, expect.stringMatching(/^(BAD_USER_INPUT|BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/)]);
      }
    }
  });
});
