import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { toGlobalId } from '@cdtt/platform';
import { documentedCodes, HostileWorld, LEAN_MUTATIONS, type LeanMutation, type LeanPayload } from './support/hostile-world';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);
const SEED = 557;

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(10_000),
    'a\u0000b',
    '\u0000',
    '\ud800',
    'ab\udfffcd',
    'Tổ Hòa Bình'.normalize('NFD'),
    "'; DROP TABLE teams; --",
    "' OR '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u202eevil\u202c',
    '\u200f\u200e\u2066x',
    '👨‍👩‍👧‍👦🇻🇳',
    '${7*7}{{7*7}}',
    '../../etc/passwd',
    '\r\n\t',
    '  padded  ',
    'null',
    'undefined',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const impossibleDate = fc.constantFrom('1901-02-29', '2025-02-30', '0000-00-00', '99999-01-01', '1901-13-01', '1901-2-1', '01/02/1901', '1901-01-01T00:00:00Z', '-001-01-01', '');
const hugeInt = fc.constantFrom(-1, -(2 ** 31) - 1, 2 ** 31, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.5, -0);
const unknownId = fc.oneof(
  fc.uuid().map((u) => u),
  fc.uuid().map((u) => toGlobalId('Team', u)),
  fc.uuid().map((u) => toGlobalId('Village', u)),
  fc.uuid().map((u) => toGlobalId('Person', u)),
  fc.uuid().map((u) => toGlobalId('ApiClient', u)),
  fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => Buffer.from(b).toString('base64')),
  fc.constantFrom('djE6VGVhbTo=', 'djE6OlRlYW0=', 'v1:Team:x', toGlobalId('Team', "'; DROP TABLE teams; --"), toGlobalId('Team', '\u0000')),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant({ nested: { deeper: [1, { x: null }] } }),
);
const hostileValue = fc.oneof(hostileString, impossibleDate, hugeInt, unknownId, wrongType);

/** Patterns of internals that must never reach a caller (stack frames, SQL errors, file paths). */
const LEAK = [/\n\s+at \S+ \(/, /\bat (?:async )?\S+ \([^)]*:\d+:\d+\)/, /node_modules/, /QueryFailedError/, /syntax error at or near/, /relation "[^"]+" does not exist/, /violates [a-z ]*constraint/, /\.ts:\d+/, /\bduplicate key\b/];

describe('hostile input over HTTP on every mutation', () => {
  const world = new HostileWorld(1901, '93');
  const codes = documentedCodes();
  const seen = new Map<LeanMutation, { rejected: number; accepted: number; codes: Record<string, number> }>();
  let victim: string;

  beforeAll(async () => {
    await world.open(2);
    await world.openTeam();
    victim = await world.victimClient();
  }, 120_000);
  afterAll(async () => {
    if (process.env.HOSTILE_VERBOSE === '1') console.log(JSON.stringify(Object.fromEntries(seen)));
    await world.close();
  });

  const bases = (): Record<LeanMutation, Record<string, unknown>> => {
    const d = world.date('03-01');
    return {
      establishTeam: world.establishInput('Tổ thử'),
      addTeamMember: { teamId: world.team, role: 'MEMBER', effectiveDate: d, person: world.person('Phạm Văn Thử') },
      changeTeamMemberRole: { teamId: world.team, personId: world.member, role: 'DEPUTY', effectiveDate: d },
      removeTeamMember: { teamId: world.team, personId: world.member, effectiveDate: d },
      renameTeam: { teamId: world.team, name: 'Tổ mới', effectiveDate: d },
      changeTeamCoverage: { teamId: world.team, villageIds: world.villages, effectiveDate: d },
      reissueTeamDecision: { teamId: world.team, decision: world.decision(d), effectiveDate: d },
      dissolveTeam: { teamId: world.team, effectiveDate: d },
      forgetPerson: { personId: world.member },
      registerVillage: { communeCode: world.commune, name: 'Thôn thử', kind: 'THON', households: 10, registeredOn: d },
      renameVillage: { villageId: world.villages[1], name: 'Thôn đổi', renamedOn: d },
      retireVillage: { villageId: world.villages[1], retiredOn: d, reason: 'thử' },
      registerApiClient: { name: 'Khách thử', role: 'PORTAL', provinceCodes: ['93'] },
      rotateApiClientSecret: { clientId: victim },
      revokeApiClient: { clientId: victim, reason: 'thử' },
      setApiClientOperationPolicy: { clientId: victim, registeredOperationsOnly: true },
      registerApiClientOperation: { clientId: victim, document: 'query Q { health { status } }' },
    };
  };

  /** A hostile value shaped like the valid one most of the time (so it reaches the domain), any hostile value otherwise. */
  const hostileLike = (valid: unknown): fc.Arbitrary<unknown> => {
    let shaped: fc.Arbitrary<unknown>;
    if (typeof valid === 'string') shaped = fc.oneof(hostileString, impossibleDate, unknownId);
    else if (typeof valid === 'number') shaped = fc.oneof(hugeInt, fc.integer());
    else if (Array.isArray(valid)) {
      const item: unknown = (valid as unknown[])[0];
      shaped = fc.oneof(fc.array(fc.oneof(unknownId, hostileString), { maxLength: 4 }), fc.constant(Array.from({ length: 201 }, (): unknown => item)), fc.constant([]));
    }
    else if (valid && typeof valid === 'object') shaped = hostileInput(valid as Record<string, unknown>, false);
    else shaped = hostileValue;
    return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
  };

  /** A valid input with one or two of its fields replaced by hostile values, maybe plus an unknown field. */
  const hostileInput = (base: Record<string, unknown>, top = true): fc.Arbitrary<unknown> => {
    const keys = Object.keys(base);
    const field = fc.constantFrom(...keys).chain((key) => hostileLike(base[key]).map((value) => [key, value] as const));
    const patched = fc
      .tuple(fc.array(field, { minLength: 1, maxLength: 2 }), fc.option(fc.tuple(fc.constantFrom('colour', '__proto__', 'constructor', 'id', 'actor'), hostileValue), { freq: 6 }))
      .map(([fields, extra]) => {
        const input: Record<string, unknown> = { ...base };
        for (const [key, value] of fields) input[key] = value;
        if (extra) Object.defineProperty(input, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
        return input;
      });
    return top ? fc.oneof({ arbitrary: patched, weight: 12 }, { arbitrary: wrongType, weight: 1 }) : patched;
  };

  const mutations = Object.keys(LEAN_MUTATIONS) as LeanMutation[];

  it.each(mutations)('%s: never 5xx, every rejection coded, nothing leaked, nothing written when rejected', async (name) => {
    const stats = { rejected: 0, accepted: 0, codes: {} as Record<string, number> };
    seen.set(name, stats);
    await fc.assert(
      fc.asyncProperty(hostileInput(bases()[name]), async (input) => {
        const before = await world.eventsByActor();
        const answer = await world.mutate(name, input);
        const text = JSON.stringify(answer.body);
        const context = `${name} ${JSON.stringify(input).slice(0, 300)} -> ${answer.status} ${text.slice(0, 500)}`;
        if (answer.status >= 500) throw new Error(`HTTP ${answer.status}: ${context}`);
        for (const pattern of LEAK) if (pattern.test(text)) throw new Error(`leak ${pattern}: ${context}`);
        const errors = answer.body.errors ?? [];
        for (const error of errors) {
          const code = error.extensions?.code;
          if (typeof code !== 'string' || !codes.has(code) || code === 'INTERNAL_SERVER_ERROR') throw new Error(`uncoded top-level error: ${context}`);
          if ('stacktrace' in (error.extensions ?? {}) || 'exception' in (error.extensions ?? {})) throw new Error(`stack trace: ${context}`);
        }
        const payload = answer.body.data?.[name] as LeanPayload | null | undefined;
        if (errors.length === 0 && !payload) throw new Error(`neither data nor errors: ${context}`);
        const userErrors = payload?.userErrors ?? [];
        for (const userError of userErrors) if (!userError.code || !codes.has(userError.code)) throw new Error(`undocumented userError code: ${context}`);
        const rejected = errors.length > 0 || userErrors.length > 0;
        if (rejected) {
          stats.rejected += 1;
          const topCode = errors[0]?.extensions?.code;
          const first = typeof topCode === 'string' ? topCode : (userErrors[0]?.code ?? '');
          stats.codes[first] = (stats.codes[first] ?? 0) + 1;
          const after = await world.eventsByActor();
          if (after !== before) throw new Error(`${after - before} event(s) written after a rejection: ${context}`);
        } else stats.accepted += 1;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(stats.rejected).toBeGreaterThan(0);
  }, 60_000);

  it('answers coded errors for wrong-typed variables and a missing input', async () => {
    for (const name of mutations) {
      for (const input of [null, 42, 'x', [], [{}], {}]) {
        const answer = await world.mutate(name, input);
        expect([name, input, answer.status < 500]).toEqual([name, input, true]);
        expect([name, input, answer.body.errors?.[0]?.extensions.code]).toEqual([name, input, expect.stringMatching(/^(BAD_USER_INPUT|BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/)]);
      }
    }
    const unknownTeam = { teamId: toGlobalId('Team', randomUUID()), effectiveDate: world.date('03-01') };
    const answer = await world.mutate('dissolveTeam', unknownTeam);
    expect((answer.body.data?.dissolveTeam as LeanPayload).userErrors[0]?.code).toBe('TEAM_NOT_FOUND');
  });
});
