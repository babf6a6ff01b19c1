import { randomBytes } from 'node:crypto';
import { openTestDatabase } from '@cdtt/platform/testing';
import type { DataSource } from 'typeorm';
import { TeamGeographyFacts } from './team-geography.facts';

/**
 * A village keeps the code it was registered with through a reorganisation; team commands see it
 * in the commune its code's successions lead to on their date (FULL edges, in date order), and
 * under its old code where the commune was split.
 */
describe('TeamGeographyFacts.villages across reorganisations', () => {
  let dataSource: DataSource;
  const tag = randomBytes(3).toString('hex');
  const c = (name: string) => `${name}${tag}`;
  const villages = { merged: c('v-merged-'), split: c('v-split-'), kept: c('v-kept-'), later: c('v-later-') };
  const edges: Array<[string, string, string, 'FULL' | 'PARTIAL']> = [
    [c('X'), c('Y'), '2025-07-01', 'FULL'],
    [c('Y'), c('Z'), '2026-03-01', 'FULL'],
    [c('P'), c('Q1'), '2025-07-01', 'PARTIAL'],
    [c('P'), c('Q2'), '2025-07-01', 'PARTIAL'],
    [c('S'), c('S'), '2025-07-01', 'FULL'],
  ];

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    const rows: Array<[string, string, string]> = [
      [villages.merged, c('X'), '2023-01-01'],
      [villages.split, c('P'), '2023-01-01'],
      [villages.kept, c('S'), '2023-01-01'],
      // Registered in Y after X merged into it: only Y's own later succession moves it.
      [villages.later, c('Y'), '2025-09-01'],
    ];
    for (const [id, commune, on] of rows) {
      await dataSource.query('INSERT INTO team_villages_v1 (village_id, commune_code, name, registered_on) VALUES ($1, $2, $1, $3)', [id, commune, on]);
    }
    for (const [from, to, on, kind] of edges) {
      await dataSource.query('INSERT INTO reorganisation_edges_v1 (from_code, to_code, effective_on, kind) VALUES ($1, $2, $3, $4)', [from, to, on, kind]);
    }
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM team_villages_v1 WHERE village_id = ANY($1)', [Object.values(villages)]);
    await dataSource.query('DELETE FROM reorganisation_edges_v1 WHERE from_code = ANY($1)', [edges.map(([from]) => from)]);
    await dataSource.destroy();
  });

  const communesOn = async (date: string): Promise<Record<string, string>> => {
    const facts = await new TeamGeographyFacts(dataSource).villages(Object.values(villages), date);
    return Object.fromEntries(facts.map((fact) => [fact.id, fact.communeCode]));
  };

  it('follows FULL successions in date order, stops at a split, and keeps a village whose commune kept its code', async () => {
    expect(await communesOn('2025-06-30')).toEqual({ [villages.merged]: c('X'), [villages.split]: c('P'), [villages.kept]: c('S'), [villages.later]: c('Y') });
    expect(await communesOn('2025-07-01')).toEqual({ [villages.merged]: c('Y'), [villages.split]: c('P'), [villages.kept]: c('S'), [villages.later]: c('Y') });
    expect(await communesOn('2026-03-01')).toEqual({ [villages.merged]: c('Z'), [villages.split]: c('P'), [villages.kept]: c('S'), [villages.later]: c('Z') });
  });

  it('still says whether each village is active on the date, and leaves unknown ids out', async () => {
    const facts = await new TeamGeographyFacts(dataSource).villages([villages.later, c('nobody')], '2025-08-01');
    expect(facts).toEqual([{ id: villages.later, communeCode: c('Y'), active: false }]);
  });
});
