import { InMemoryEventStore, uuidv7, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent } from '@cdtt/event-sourcing/testing';
import { withRecordedClock } from '@cdtt/platform';
import { inRolledBackTransaction, openTestDatabase } from '@cdtt/platform/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { teamsProjection } from './teams.projection';

/**
 * The page path of teams_v1 (a run of member joins of one recorded instant in two statements) must
 * leave exactly the rows, and the recorded history, of event-by-event application, people included.
 */
describe('teams_v1 page application', () => {
  let dataSource: DataSource;
  const teamId = uuidv7();
  const people = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const projection = withRecordedClock(teamsProjection);
  let page: RecordedEvent[];
  let times = 0;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    // Each append a distinct instant, one millisecond apart (history versions are per instant).
    const store = new InMemoryEventStore({ now: () => new Date(Date.UTC(2031, 0, 1, 0, 0, 0, (times += 1))) });
    // The people are registered at one instant, so the page holds them side by side within one instant.
    const registry = new InMemoryEventStore({ now: () => new Date(Date.UTC(2031, 0, 1)) });
    const person = async (personId: string, youthUnionSince: string | null) =>
      (await registry.appendToStream(`person-${personId}`, [newEvent('PersonRegistered', { personId, personal: { ciphertext: 'x' }, youthUnionSince, youthUnionUntil: null })])).events;
    const change = (type: string, personId: string, role: string, effectiveDate: string) => newEvent(type, { personId, role, effectiveDate, decisionRef: null });
    const team = async (...events: ReturnType<typeof newEvent>[]) => (await store.appendToStream(`team-${teamId}`, events)).events;
    const decision = { number: '1/QĐ-UBND', date: '2030-02-01', issuingCommuneCode: '99001', signerName: 'A', signerTitle: 'Chủ tịch' };
    page = [
      ...(await person(people[0]!, null)),
      ...(await person(people[1]!, '2015-03-26')),
      ...(await person(people[2]!, null)),
      ...(await person(people[3]!, null)),
      // One decision: the team and its first roster in one append (one instant), as the API writes a new team.
      ...(await team(
        newEvent('TeamEstablished', { teamId, communeCode: '99001', villageIds: [], name: 'Tổ 1', level: 'VILLAGE', decision, effectiveDate: '2030-02-01' }),
        change('MemberJoined', people[0]!, 'LEADER', '2030-02-01'),
        change('MemberJoined', people[1]!, 'MEMBER', '2030-02-01'),
        change('MemberJoined', people[2]!, 'MEMBER', '2030-02-01'),
      )),
      ...(await team(change('MemberLeft', people[1]!, 'MEMBER', '2030-03-01'))),
      ...(await team(change('MemberJoined', people[3]!, 'DEPUTY', '2030-03-02'), change('MemberJoined', people[1]!, 'MEMBER', '2030-03-02'))),
    ];
  });
  afterAll(() => dataSource.destroy());

  /** The team's rows and history after the work, read inside its transaction, which is then rolled back. */
  async function rowsAfter(work: (manager: EntityManager) => Promise<void>): Promise<Record<string, unknown[]>> {
    return inRolledBackTransaction(dataSource, async (manager) => {
      await work(manager);
      // Not the identity column (nor row_key, its hash): a rolled-back transaction keeps its sequence values.
      const read = (sql: string): Promise<unknown[]> => manager.query<unknown[]>(sql, [teamId]);
      const ofPeople = (sql: string): Promise<unknown[]> => manager.query<unknown[]>(sql, [people]);
      return {
        people: await ofPeople('SELECT person_id, personal_data, youth_union_since::text, registered_at FROM people_v1 WHERE person_id = ANY($1) ORDER BY person_id'),
        peopleHistory: await ofPeople(
          'SELECT person_id, youth_union_since::text, recorded_from, recorded_to FROM people_v1_history WHERE person_id = ANY($1) ORDER BY person_id, recorded_from',
        ),
        team: await read('SELECT version, has_youth_union_member, status FROM teams_v1 WHERE id = $1'),
        memberships: await read('SELECT person_id, role, valid_from::text, valid_to::text FROM team_memberships_v1 WHERE team_id = $1 ORDER BY id'),
        teamHistory: await read(
          'SELECT version, has_youth_union_member, recorded_from, recorded_to FROM teams_v1_history WHERE id = $1 ORDER BY recorded_from, version',
        ),
        membershipHistory: await read(
          'SELECT person_id, role, valid_to::text, recorded_from, recorded_to FROM team_memberships_v1_history WHERE team_id = $1 ORDER BY recorded_from, person_id, recorded_to NULLS LAST',
        ),
      };
    });
  }

  it('leaves the same rows and recorded history as applying each event in turn', async () => {
    const oneByOne = await rowsAfter(async (manager) => {
      for (const event of page) await projection.apply(event, manager);
    });
    const paged = await rowsAfter((manager) => projection.applyPage!(page, manager));
    expect(paged).toEqual(oneByOne);
    expect(oneByOne.team).toEqual([{ version: 6, has_youth_union_member: true, status: 'ACTIVE' }]);
    expect(oneByOne.memberships).toHaveLength(5);
    expect(oneByOne.people).toHaveLength(4);
    expect(oneByOne.peopleHistory).toHaveLength(4);
  });

  it('keeps one history version per recorded instant, none empty', async () => {
    const { teamHistory } = await rowsAfter((manager) => projection.applyPage!(page, manager));
    const versions = teamHistory as Array<{ version: number; recorded_from: Date; recorded_to: Date | null }>;
    // Established with its roster (one instant), a member left, two joined: three versions.
    expect(versions.map((v) => v.version)).toEqual([3, 4, 6]);
    for (const v of versions) expect(v.recorded_to === null || v.recorded_to > v.recorded_from).toBe(true);
  });
});
