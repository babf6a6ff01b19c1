import { fromGlobalId } from '@cdtt/platform';
import { uuidv7 } from '@cdtt/event-sourcing';
import type { GraphqlAnswer } from './support/security-harness';
import { HostileWorld, type LeanMutation, type LeanPayload } from './support/hostile-world';

const RETRIES = 50;

/** Retrying a mutation with one idempotency key writes once and answers the first answer every time. */
describe('idempotent retries over HTTP', () => {
  const world = new HostileWorld(1902, '92');

  beforeAll(() => world.open(3), 120_000);
  afterAll(() => world.close());

  const payloadOf = (name: LeanMutation, answer: GraphqlAnswer): LeanPayload => {
    if (answer.status >= 500 || answer.body.errors) throw new Error(`${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const payload = answer.body.data?.[name] as LeanPayload | undefined;
    if (!payload || payload.userErrors.length > 0) throw new Error(`${name}: ${JSON.stringify(answer.body)}`);
    return payload;
  };
  const streamOf = (teamId: string): string => `team-${fromGlobalId(teamId)?.localId ?? '?'}`;
  /** What every retry must repeat: the object, the version and the person. */
  const essence = (p: LeanPayload) => ({ team: p.team?.id ?? null, version: p.version, personId: p.personId ?? null });

  /** The first call, then the retries (one after another, or all at once): every answer's essence, and the events written. */
  async function retried(name: LeanMutation, input: Record<string, unknown>, concurrent: boolean): Promise<{ answers: Array<ReturnType<typeof essence>>; written: number }> {
    const before = await world.eventsByActor();
    let answers: LeanPayload[];
    if (concurrent) {
      answers = (await Promise.all(Array.from({ length: RETRIES }, () => world.mutate(name, input)))).map((a) => payloadOf(name, a));
    } else {
      answers = [];
      for (let i = 0; i < RETRIES; i += 1) answers.push(payloadOf(name, await world.mutate(name, input)));
    }
    return { answers: answers.map(essence), written: (await world.eventsByActor()) - before };
  }

  describe.each([
    ['sequentially', false],
    ['concurrently', true],
  ] as const)('%s', (_label, concurrent) => {
    it('establishTeam and addTeamMember write once, every retry answers the same team and version, and the key with another input is refused', async () => {
      const villageIndex = concurrent ? 2 : 1;
      const establish = { ...world.establishInput(`Tổ lặp ${uuidv7().slice(-6)}`, [world.villages[villageIndex] ?? '']), idempotencyKey: `establish-${uuidv7()}` };
      const established = await retried('establishTeam', establish, concurrent);
      const first = established.answers[0];
      expect(first?.team).toEqual(expect.any(String));
      expect(first?.version).toBe(0);
      for (const answer of established.answers) expect(answer).toEqual(first);
      const teamId = first?.team ?? '';
      expect(await world.eventsInStream(streamOf(teamId))).toBe(1);
      expect(established.written).toBe(1);

      const add = { teamId, role: 'LEADER', effectiveDate: world.date('02-01'), person: world.person('Trần Văn Lặp'), idempotencyKey: `add-${uuidv7()}` };
      const added = await retried('addTeamMember', add, concurrent);
      const firstAdd = added.answers[0];
      expect(firstAdd?.team).toBe(teamId);
      expect(firstAdd?.version).toBe(1);
      expect(typeof firstAdd?.personId).toBe('string');
      for (const answer of added.answers) expect(answer).toEqual(firstAdd);
      const teamEvents = await world.eventsInStream(streamOf(teamId));
      expect(teamEvents).toBe(2);
      const afterAdd = await world.eventsByActor();
      // A new person: PersonRegistered in the person's stream and MemberJoined in the team's, once.
      expect(added.written).toBe(2);
      expect(await world.eventsInStream(`person-${fromGlobalId(firstAdd?.personId ?? '')?.localId ?? firstAdd?.personId ?? '?'}`)).toBe(1);

      // The same keys with another input: refused at the top level, nothing written anywhere.
      const reused: Array<[LeanMutation, Record<string, unknown>]> = [
        ['establishTeam', { ...establish, name: 'Tổ khác hẳn' }],
        ['addTeamMember', { ...add, role: 'MEMBER' }],
        ['addTeamMember', { ...add, person: world.person('Người Khác') }],
        // The key belongs to establishTeam: another operation with it is refused as well.
        ['renameTeam', { teamId, name: 'Tên khác', effectiveDate: world.date('03-01'), idempotencyKey: establish.idempotencyKey }],
      ];
      for (const [name, input] of reused) {
        const answer = await world.mutate(name, input);
        expect([name, answer.status < 500, answer.body.errors?.[0]?.extensions.code, answer.body.data?.[name] ?? null]).toEqual([name, true, 'IDEMPOTENCY_KEY_REUSED', null]);
      }
      expect(await world.eventsInStream(streamOf(teamId))).toBe(teamEvents);
      expect(await world.eventsByActor()).toBe(afterAdd);

      // And the original input with its key still answers the first answer.
      expect(essence(payloadOf('establishTeam', await world.mutate('establishTeam', establish)))).toEqual(first);
      expect(essence(payloadOf('addTeamMember', await world.mutate('addTeamMember', add)))).toEqual(firstAdd);
      expect(await world.eventsByActor()).toBe(afterAdd);
    }, 60_000);
  });
});
