import { randomBytes } from 'node:crypto';
import { InMemoryEventStore, uuidv7, uuidv7Generator } from '@cdtt/event-sourcing';
import { newEvent } from '@cdtt/event-sourcing/testing';
import { ProvinceScope } from '@cdtt/platform';
import { openTestDatabase } from '@cdtt/platform/testing';
import type { DataSource } from 'typeorm';
import { ActivityCommandService } from './activity-commands.service';
import type { CommandResult } from './command-execution';
import { StoreAndSqlFieldworkFacts } from './fieldwork-facts';

/**
 * A team that followed its commune's succession keeps logging field days in that commune's
 * villages, which keep their old code (a reorganisation writes no village event): the facts read
 * the re-attachment from the team's own stream, the villages from this lib's copy.
 */
describe('field days of a team re-attached by a reorganisation (facts from its stream and the villages copy)', () => {
  let dataSource: DataSource;
  const tag = randomBytes(3).toString('hex');
  const [before, after, elsewhere] = ['a', 'b', 'c'].map((x) => `${x}${tag}`) as [string, string, string];
  const [oldVillage, otherVillage] = [`v-old-${tag}`, `v-other-${tag}`];
  const teamId = uuidv7();
  const leader = uuidv7();
  const store = new InMemoryEventStore();
  const admin = { actor: { clientId: 'admin', role: 'ADMIN' as const }, scope: ProvinceScope.UNRESTRICTED, correlationId: 'c-1', today: '2026-12-01' };
  const code = (result: CommandResult): string | null => (result.ok ? null : result.error.code);

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    for (const [village, commune] of [[oldVillage, before], [otherVillage, elsewhere]]) {
      await dataSource.query(`INSERT INTO fw_villages_v1 (village_id, commune_code, registered_on) VALUES ($1, $2, '2022-01-01')`, [village, commune]);
    }
    const decision = { number: '1/QĐ', date: '2023-01-01', issuingCommuneCode: before, signerName: 'A', signerTitle: 'Chủ tịch' };
    await store.appendToStream(`team-${teamId}`, [
      newEvent('TeamEstablished', { teamId, name: 'Tổ', level: 'VILLAGE', communeCode: before, villageIds: [oldVillage], decision, effectiveDate: '2023-01-01' }),
      newEvent('MemberJoined', { personId: leader, role: 'LEADER', effectiveDate: '2023-01-01', decisionRef: null }),
      newEvent('TeamReattached', { fromCommuneCode: before, toCommuneCode: after, successionKind: 'FULL', effectiveDate: '2025-07-01', decisionRef: null }),
    ]);
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM fw_villages_v1 WHERE village_id = ANY($1)', [[oldVillage, otherVillage]]);
    await dataSource.destroy();
  });

  const log = (villageId: string, date: string) =>
    new ActivityCommandService(store, uuidv7Generator, new StoreAndSqlFieldworkFacts(store, dataSource)).log(
      { teamId, villageId, date, participantIds: [leader], figures: [{ category: 'VNEID', peopleGuided: 2, householdsGuided: 1, visits: 1, outcomes: {} }] },
      admin,
    );

  it('accepts its old village before and after the re-attachment, and records the commune of the day', async () => {
    expect(code(await log(oldVillage, '2025-06-30'))).toBeNull();
    const later = await log(oldVillage, '2025-07-01');
    expect(code(later)).toBeNull();
    const [logged] = await store.readStream(`activity-${later.ok ? later.id : ''}`);
    expect(logged?.data).toMatchObject({ communeCode: after, villageId: oldVillage });
  });

  it('refuses a village of a commune the team never followed', async () => {
    expect(code(await log(otherVillage, '2025-07-01'))).toBe('VILLAGE_OUTSIDE_COMMUNE');
  });
});
