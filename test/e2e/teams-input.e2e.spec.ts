import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';

/** Malformed input is refused before anything is written; idempotent retries write once. */
describe('teams API input over HTTP', () => {
  const world = new TeamsE2eWorld([1980, 2000]);
  const api = new TeamsClient(world);
  let villages: string[];
  let commune: string;
  const teamCount = async (): Promise<number> =>
    ((await world.gql(`query($c: String) { teams(filter: { communeCode: $c }) { totalCount } }`, { c: commune })).data?.teams as { totalCount: number }).totalCount;

  beforeAll(async () => {
    villages = (await world.open(1, 2))[0]!;
    commune = world.communes[0]!;
  }, 120_000);
  afterAll(() => world.close());

  it('refuses malformed establishments with BAD_USER_INPUT and writes nothing', async () => {
    const valid = api.establishInput(commune, [villages[0]!], 'VILLAGE', world.date('02-01'));
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['bad commune code', { ...valid, communeCode: '123' }, 'communeCode'],
      ['empty name', { ...valid, name: '' }, 'name'],
      ['10,000-character name', { ...valid, name: 'x'.repeat(10_000) }, 'name'],
      ['control character in name', { ...valid, name: 'Tổ\u0000Hòa Bình' }, 'name'],
      ['impossible date', { ...valid, effectiveDate: `${world.year}-02-30` }, 'effectiveDate'],
      ['not a date', { ...valid, effectiveDate: '01/02/2025' }, 'effectiveDate'],
      ['long decision number', { ...valid, decision: { ...api.decision(commune, world.date('02-01')), number: '9'.repeat(51) } }, 'decision.number'],
      ['bad decision date', { ...valid, decision: { ...api.decision(commune, '2025-13-01') } }, 'decision.date'],
      ['201 villages', { ...valid, villageIds: Array.from({ length: 201 }, () => villages[0]!) }, 'villageIds'],
      ['unknown field', { ...valid, colour: 'red' }, 'colour'],
    ];
    for (const [label, input, field] of cases) {
      const response = await api.raw('establishTeam', input);
      expect([label, response.errors?.[0]?.extensions.code]).toEqual([label, 'BAD_USER_INPUT']);
      expect([label, JSON.stringify(response.errors?.[0]?.extensions.fields ?? response.errors?.[0]?.message)]).toEqual([label, expect.stringContaining(field)]);
    }
    expect(await teamCount()).toBe(0);
  });

  it('writes once for an idempotent retry and refuses the key with another input', async () => {
    const input = { ...api.establishInput(commune, [villages[0]!], 'VILLAGE', world.date('02-01')), idempotencyKey: `k-${world.year}-${commune}` };
    const first = await api.ok('establishTeam', input);
    const again = await api.ok('establishTeam', input);
    expect(again.team?.id).toBe(first.team?.id);
    expect(await teamCount()).toBe(1);
    expect(await api.badInput('establishTeam', { ...input, name: 'Tổ khác' })).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await teamCount()).toBe(1);

    const teamId = first.team!.id;
    expect(await api.refused('addTeamMember', { teamId, role: 'LEADER', effectiveDate: world.date('02-01') })).toBe('PERSON_REQUIRED');
    const badPerson = { teamId, person: { ...api.person('Lê Thị Lỗi'), phone: 'call me' }, role: 'LEADER', effectiveDate: world.date('02-01') };
    expect(await api.badInput('addTeamMember', badPerson)).toBe('BAD_USER_INPUT');
    const controlled = { teamId, person: api.person('Lê Thị\nHòa'), role: 'LEADER', effectiveDate: world.date('02-01') };
    expect(await api.badInput('addTeamMember', controlled)).toBe('BAD_USER_INPUT');
    // Decomposed text is normalised to NFC, not refused (ADR 0005, amended): one name, one spelling.
    const renamed = await api.ok('renameTeam', { teamId, name: 'Tổ Hòa Bình'.normalize('NFD'), effectiveDate: world.date('02-15') });
    expect(renamed.team?.name).toBe('Tổ Hòa Bình'.normalize('NFC'));
    expect(await api.badInput('renameTeam', { teamId, name: 'Tổ', effectiveDate: world.date('03-01'), expectedVersion: -1 })).toBe('BAD_USER_INPUT');
    expect(await api.refused('renameTeam', { teamId: 'not-an-id', name: 'Tổ', effectiveDate: world.date('03-01') })).toBe('TEAM_NOT_FOUND');
  });

  it('refuses malformed queries with coded errors', async () => {
    const code = async (query: string): Promise<string | undefined> => (await world.gql(query)).errors?.[0]?.extensions.code;
    expect(await code('{ teams(after: "garbage") { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ teams(first: 101) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ unitStatistics(code: "99", level: COMMUNE) { members } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ unitStatistics(code: "99", level: PROVINCE, asOf: "2025-02-30") { members } }')).toBe('BAD_USER_INPUT');
    expect(await code(`{ childStatistics(code: "${commune}", level: COMMUNE) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await code('{ childStatistics(code: "00", level: PROVINCE) { totalCount } }')).toBe('NOT_FOUND');
  });
});
