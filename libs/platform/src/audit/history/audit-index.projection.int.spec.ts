import { InMemoryEventStore, uuidv7, type RecordedEvent } from '@cdtt/event-sourcing';
import { newEvent } from '@cdtt/event-sourcing/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { openTestDatabase } from '../../projections/testing/projection-test-kit';
import { inRolledBackTransaction } from '../../testing/rolled-back';
import { reserveCommuneCodes } from '../../testing/test-reservations';
import { auditIndexProjection } from './audit-index.projection';

/**
 * The page path of audit_index_v1 writes a run of member joins in one statement; it must leave the
 * stream → province map of one join at a time, including a join repeated inside the run and a join
 * to a team whose commune is not recorded yet.
 */
describe('audit_index_v1 page application', () => {
  let dataSource: DataSource;
  const [team, other] = [uuidv7(), uuidv7()];
  const people = [uuidv7(), uuidv7(), uuidv7()];
  let page: RecordedEvent[];
  // Communes of its own: other suites record units in the same database, and a commune's province is looked up by code.
  let first = '';
  let second = '';

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    [first = ''] = await reserveCommuneCodes(dataSource, '93', 1, 'audit-index-page-spec');
    [second = ''] = await reserveCommuneCodes(dataSource, '94', 1, 'audit-index-page-spec');
    const store = new InMemoryEventStore();
    const append = async (stream: string, ...events: ReturnType<typeof newEvent>[]) => (await store.appendToStream(stream, events)).events;
    const unit = (code: string, provinceCode: string) =>
      newEvent('AdministrativeUnitRecorded', { level: 'COMMUNE', code, name: code, provinceCode, parentCode: provinceCode, validFrom: null, validTo: null });
    const establish = (teamId: string, communeCode: string) => newEvent('TeamEstablished', { teamId, communeCode, effectiveDate: '2030-02-01' });
    const join = (personId: string) => newEvent('MemberJoined', { personId, role: 'MEMBER', effectiveDate: '2030-02-01', decisionRef: null });
    page = [
      ...(await append(`admin-unit-${first}`, unit(first, '93'))),
      ...(await append(`team-${team}`, establish(team, first), join(people[0]!), join(people[1]!), join(people[0]!))),
      // A commune recorded after its team: the people joined before learn its province from the unit.
      ...(await append(`team-${other}`, establish(other, second), join(people[1]!), join(people[2]!))),
      ...(await append(`admin-unit-${second}`, unit(second, '94'))),
    ];
  });
  afterAll(() => dataSource.destroy());

  async function mapAfter(work: (manager: EntityManager) => Promise<void>): Promise<Record<string, unknown[]>> {
    return inRolledBackTransaction(dataSource, async (manager) => {
      await work(manager);
      const streams = people.map((p) => `person-${p}`);
      return {
        units: await manager.query<unknown[]>(
          'SELECT stream_name, commune_code, province_code FROM audit_stream_units_v1 WHERE stream_name = ANY($1) ORDER BY 1, 2',
          [streams],
        ),
        teams: await manager.query<unknown[]>('SELECT team_stream, person_stream FROM audit_team_people_v1 WHERE person_stream = ANY($1) ORDER BY 1, 2', [
          streams,
        ]),
      };
    });
  }

  it('leaves the map of one event at a time', async () => {
    const oneByOne = await mapAfter(async (manager) => {
      for (const event of page) await auditIndexProjection.apply(event, manager);
    });
    const paged = await mapAfter((manager) => auditIndexProjection.applyPage!(page, manager));
    expect(paged).toEqual(oneByOne);
    const [a, b, c] = people.map((p) => `person-${p}`);
    expect(oneByOne.units).toEqual(
      [
        { stream_name: a, commune_code: first, province_code: '93' },
        { stream_name: b, commune_code: first, province_code: '93' },
        { stream_name: b, commune_code: second, province_code: '94' },
        { stream_name: c, commune_code: second, province_code: '94' },
      ].sort((x, y) => `${x.stream_name}${x.commune_code}`.localeCompare(`${y.stream_name}${y.commune_code}`)),
    );
    expect(oneByOne.teams).toHaveLength(4);
  });
});
