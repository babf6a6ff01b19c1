import { InMemoryEventStore, uuidv7, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent } from '@cdtt/event-sourcing/testing';
import { inRolledBackTransaction, openTestDatabase } from '@cdtt/platform/testing';
import type { DataSource, EntityManager } from 'typeorm';
import type { CategoryFigures } from '../domain/activity.events';
import { fieldworkProjection } from './fieldwork.projection';

const figures = (people: number, category = 'E_PAYMENT'): CategoryFigures[] => [
  { category, peopleGuided: people, householdsGuided: Math.floor(people / 2), visits: 1, outcomes: { ACCOUNTS_CREATED: 1, PUBLIC_SERVICE_DOSSIERS_FILED: 0, SELLERS_ONBOARDED: 0, EPAYMENT_ACCOUNTS_OPENED: people } },
  { category: 'E_COMMERCE', peopleGuided: 2, householdsGuided: 1, visits: 0, outcomes: { ACCOUNTS_CREATED: 0, PUBLIC_SERVICE_DOSSIERS_FILED: 0, SELLERS_ONBOARDED: 1, EPAYMENT_ACCOUNTS_OPENED: 0 } },
] as CategoryFigures[];

/**
 * The page path of fieldwork_v1 (runs of ActivityLogged in one statement) must leave exactly the
 * rows of event-by-event application, whatever the other events between and after them do.
 */
describe('fieldwork_v1 page application', () => {
  let dataSource: DataSource;
  const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const teamId = uuidv7();
  let page: RecordedEvent[];

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    const store = new InMemoryEventStore();
    const append = async (id: string, type: string, data: unknown) => (await store.appendToStream(`activity-${id}`, [newEvent(type, data)])).events;
    const logged = (id: string, people: number) =>
      append(id, 'ActivityLogged', { activityId: id, teamId, communeCode: '99001', provinceCode: '99', villageId: 'v-1', date: '2024-03-0' + String(people % 9 + 1), participantIds: [uuidv7()], figures: figures(people) });
    const member = async (type: string, personId: string, role: string, effectiveDate: string) =>
      (await store.appendToStream(`team-${teamId}`, [newEvent(type, { personId, role, effectiveDate, decisionRef: null })])).events;
    const [p1, p2, p3] = [uuidv7(), uuidv7(), uuidv7()];
    page = [
      ...(await member('MemberJoined', p1, 'LEADER', '2024-02-01')),
      ...(await member('MemberJoined', p2, 'MEMBER', '2024-02-01')),
      ...(await logged(ids[0]!, 4)),
      ...(await member('MemberRoleChanged', p2, 'DEPUTY', '2024-03-01')),
      ...(await member('MemberJoined', p3, 'MEMBER', '2024-03-02')),
      ...(await logged(ids[1]!, 6)),
      ...(await append(ids[0]!, 'ActivityCorrected', { figures: figures(5, 'E_HEALTH'), correctedOn: '2024-03-10', reason: 'miscounted' })),
      ...(await logged(ids[2]!, 8)),
      ...(await logged(ids[3]!, 3)),
      // Two corrections of one activity in one run: the last figures win, both count.
      ...(await append(ids[3]!, 'ActivityCorrected', { figures: figures(7, 'E_HEALTH'), correctedOn: '2024-03-12', reason: 'first count' })),
      ...(await append(ids[3]!, 'ActivityCorrected', { figures: figures(9), correctedOn: '2024-03-13', reason: 'second count' })),
      ...(await append(ids[1]!, 'ActivityRetracted', { retractedOn: '2024-03-11', reason: 'duplicate' })),
    ];
  });
  afterAll(() => dataSource.destroy());

  /** The rows the work leaves for these activities, read inside its transaction, which is then rolled back. */
  async function rowsAfter(work: (manager: EntityManager) => Promise<void>): Promise<unknown> {
    return inRolledBackTransaction(dataSource, async (manager) => {
      await work(manager);
      return {
        activities: await manager.query<unknown[]>('SELECT * FROM fw_activities_v1 WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]),
        figures: await manager.query<unknown[]>('SELECT * FROM fw_activity_figures_v1 WHERE activity_id = ANY($1::uuid[]) ORDER BY activity_id, category', [ids]),
        // Not the identity column: a rolled-back transaction does not give its sequence values back.
        memberships: await manager.query<unknown[]>(
          'SELECT person_id, role, valid_from::text, valid_to::text FROM fw_team_memberships_v1 WHERE team_id = $1 ORDER BY id',
          [teamId],
        ),
      };
    });
  }

  it('leaves the same activities and figure rows as applying each event in turn', async () => {
    const oneByOne = await rowsAfter(async (manager) => {
      for (const event of page) await fieldworkProjection.apply(event, manager);
    });
    const paged = await rowsAfter((manager) => fieldworkProjection.applyPage!(page, manager));
    expect(paged).toEqual(oneByOne);
    const { activities, figures: rows } = oneByOne as { activities: Array<{ id: string; status: string; corrections: number }>; figures: unknown[] };
    expect(activities.map((a) => [a.id, a.status, a.corrections])).toEqual(
      [...ids].sort().map((id) => [id, id === ids[1] ? 'RETRACTED' : 'ACTIVE', id === ids[0] ? 1 : id === ids[3] ? 2 : 0]),
    );
    expect(rows).toHaveLength(8);
    // The corrected activity: the second correction's figures, and three history entries.
    const corrected = (rows as Array<{ activity_id: string; category: string; people_guided: number }>).filter((r) => r.activity_id === ids[3]);
    expect(corrected.map((r) => [r.category, r.people_guided])).toEqual([['E_COMMERCE', 2], ['E_PAYMENT', 9]]);
    const history = (activities as unknown as Array<{ id: string; history: Array<{ kind: string; reason?: string }> }>).find((a) => a.id === ids[3])?.history;
    expect(history?.map((h) => h.reason ?? h.kind)).toEqual(['ActivityLogged', 'first count', 'second count']);
    expect((oneByOne as { memberships: unknown[] }).memberships).toHaveLength(4);
  });

  it('writes a repeated ActivityLogged once, on both paths', async () => {
    const first = page.find((event) => event.type === 'ActivityLogged')!;
    const twice = [first, first];
    const oneByOne = await rowsAfter(async (manager) => {
      for (const event of twice) await fieldworkProjection.apply(event, manager);
    });
    expect(await rowsAfter((manager) => fieldworkProjection.applyPage!(twice, manager))).toEqual(oneByOne);
    expect((oneByOne as { figures: unknown[] }).figures).toHaveLength(2);
  });

  it("keeps the logged event as the history's first entry, as the event reads (built by the server from the row)", async () => {
    const logged = page.filter((event) => event.type === 'ActivityLogged');
    const { activities } = (await rowsAfter((manager) => fieldworkProjection.applyPage!(logged, manager))) as { activities: Array<{ id: string; history: unknown[] }> };
    const entryOf = (event: RecordedEvent): unknown => {
      const data = event.data as { date: string; figures: CategoryFigures[] };
      return { kind: 'ActivityLogged', revision: event.revision, recordedAt: event.recordedAt, on: data.date, figures: data.figures };
    };
    expect(activities.map((a) => [a.id, a.history])).toEqual(
      [...logged].sort((x, y) => (x.streamName < y.streamName ? -1 : 1)).map((event) => [event.streamName.slice('activity-'.length), [entryOf(event)]]),
    );
  });
});
