import { ANONYMOUS_ADMIN, AnswerCache, ApiClientCommands } from '@cdtt/platform';
import { waitForProjections } from './support/catch-up';
import { TeamsClient } from './support/teams-e2e.client';
import { TeamsE2eWorld } from './support/teams-e2e-world';

/**
 * Teams-list answers remembered per version of teams_v1 (ADR 0024), over real HTTP on a real
 * database: the same question is answered from memory while the read models stand still (also while
 * the checkpoint passes over other contexts' events), a write through the API is in the next answer,
 * and a list that asks a field read elsewhere is computed every time. Other test files write to the same database meanwhile, so "from memory" is checked
 * on the cache's own counts, and retried when someone else's write moved the version between two
 * questions.
 */
describe('teams list answers per read-model version', () => {
  const world = new TeamsE2eWorld([1981, 1991]);
  const api = new TeamsClient(world);
  const d = (md: string) => world.date(md);
  const list = (communeCode: string, extra = '') =>
    world.gql(`query($c: String!) { teams(first: 10, filter: { communeCode: $c }) { totalCount nodes { id name version ${extra} } } }`, { c: communeCode });
  let communes: string[];
  let teamId: string;
  let cache: AnswerCache;

  beforeAll(async () => {
    const villages = await world.open(2, 1);
    communes = world.communes;
    cache = world.app.get(AnswerCache);
    teamId = (await api.ok('establishTeam', api.establishInput(communes[0]!, villages[0]!, 'VILLAGE', d('02-01')))).team!.id;
    await api.ok('addTeamMember', { teamId, person: api.person('Nguyễn Thị Lan', d('01-01')), role: 'LEADER', effectiveDate: d('02-01') });
  }, 120_000);
  afterAll(() => world.close());

  it('answers the same question again from memory, with the same answer', async () => {
    let servedFromMemory = false;
    for (let attempt = 0; attempt < 5 && !servedFromMemory; attempt += 1) {
      const first = await list(communes[0]!);
      const before = cache.stats().hits;
      const again = await list(communes[0]!);
      expect(again).toEqual(first);
      servedFromMemory = cache.stats().hits === before + 1;
    }
    expect(servedFromMemory).toBe(true);
  });

  it("keeps the answer while teams_v1's checkpoint passes over another context's events", async () => {
    const clients = world.app.get(ApiClientCommands);
    let kept = false;
    for (let attempt = 0; attempt < 5 && !kept; attempt += 1) {
      await list(communes[0]!);
      const registered = await clients.register({ name: `Cổng thử ${attempt}`, role: 'PORTAL', provinceCodes: [world.province] }, ANONYMOUS_ADMIN);
      expect(registered.outcome.ok).toBe(true);
      // teams_v1 reads no client events: its checkpoint moves past this one without a row written.
      await waitForProjections(world.runtime, ['teams_v1'], 30_000);
      const before = cache.stats().hits;
      await list(communes[0]!);
      // Another file's team write in between would change the data version: then try again.
      kept = cache.stats().hits === before + 1;
    }
    expect(kept).toBe(true);
  });

  it('has a write made through the API in the next answer', async () => {
    const before = (await list(communes[0]!)).data?.teams as { nodes: Array<{ id: string; version: number }> };
    expect(before.nodes.map((n) => n.id)).toEqual([teamId]);
    await list(communes[0]!);
    await api.ok('addTeamMember', { teamId, person: api.person('Trần Văn Minh'), role: 'MEMBER', effectiveDate: d('03-01') });
    const after = (await list(communes[0]!)).data?.teams as { nodes: Array<{ version: number }> };
    expect(after.nodes[0]!.version).toBe(before.nodes[0]!.version + 1);
    // A question never asked before at this version is computed: the other commune has no team yet.
    expect((await list(communes[1]!)).data?.teams).toEqual({ totalCount: 0, nodes: [] });
  });

  it('computes a list that asks a field read outside teams_v1 every time', async () => {
    const withMembers = (): ReturnType<typeof list> => list(communes[0]!, 'members { role }');
    const first = await withMembers();
    const before = cache.stats();
    expect(await withMembers()).toEqual(first);
    const after = cache.stats();
    expect([after.hits, after.misses]).toEqual([before.hits, before.misses]);
  });
});
