import type { RecordedEvent } from '@cdtt/event-sourcing';
import { auditEntriesOf } from './audit-entries';
import { auditEventTypeOf, registerAuditEvents } from './audit-event-registry';
import { AuditPersonalData } from './audit-personal-data';

registerAuditEvents({ SpecimenRecorded: { holderId: 'ID', holder: { personal: { fullName: 'String', birthYear: 'Int' } }, tags: '[String]', place: { code: 'String' } } });

const event = (type: string, data: unknown, streamName = 'person-1'): RecordedEvent => ({
  id: 'e1',
  type,
  schemaVersion: 1,
  data,
  streamName,
  revision: 0,
  position: 'p1',
  recordedAt: '2026-11-28T00:00:00.000Z',
  metadata: { correlationId: 'c1', causationId: null, actor: { clientId: 'portal-1', role: 'PORTAL' }, effectiveAt: '2026-11-01T00:00:00.000Z', prevHash: '0'.repeat(64), hash: 'h' },
});

describe('audit entries from the registry', () => {
  it('generates one concrete type per registered event type and remembers its personal fields', () => {
    expect(auditEventTypeOf('SpecimenRecorded')).toEqual({
      eventType: 'SpecimenRecorded',
      graphqlType: 'SpecimenRecordedAuditEntry',
      personalPaths: [{ path: ['holder'], fields: { fullName: 'String', birthYear: 'Int' } }],
    });
    expect(() => registerAuditEvents({ SpecimenRecorded: {} })).toThrow('registered twice');
  });

  it('opens personal fields, shows [erased] for a forgotten subject, and withholds unregistered data', async () => {
    const personal = new AuditPersonalData();
    personal.use((stream) => Promise.resolve(stream === 'person-1' ? { fullName: 'Nguyễn Thị Lan', birthYear: 1990 } : null));
    const sealed = { ciphertext: 'x' };
    const [open, erased, unknown] = await auditEntriesOf(
      [event('SpecimenRecorded', { holderId: '1', holder: sealed, tags: ['a'] }), event('SpecimenRecorded', { holder: sealed }, 'person-2'), event('SomethingElse', { secret: 1 })],
      personal,
    );
    expect(open).toMatchObject({ graphqlType: 'SpecimenRecordedAuditEntry', actor: { clientId: 'portal-1', role: 'PORTAL' }, data: { holderId: '1', holder: { fullName: 'Nguyễn Thị Lan', birthYear: 1990 }, tags: ['a'] } });
    expect(erased?.data).toEqual({ holder: { fullName: '[erased]', birthYear: null } });
    expect(unknown).toMatchObject({ graphqlType: 'UnregisteredAuditEntry', data: null, type: 'SomethingElse' });
  });
});
