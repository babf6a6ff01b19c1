import { registerAuditEvents, type AuditDataSpec } from '@cdtt/platform';
import type { ADMIN_UNIT_EVENT_TYPES } from '../domain/admin-unit.events';
import type { VILLAGE_EVENT_TYPES } from '../domain/village.events';

/** How history and the audit log show the geography context's events. */
export const GEOGRAPHY_AUDIT_EVENTS = registerAuditEvents({
  AdministrativeUnitRecorded: {
    level: 'String',
    code: 'String',
    name: 'String',
    fullName: 'String',
    nameEn: 'String',
    type: 'String',
    parentCode: 'String',
    provinceCode: 'String',
    validFrom: 'String',
    validTo: 'String',
    source: 'String',
  },
  AdministrativeUnitSucceeded: { fromLevel: 'String', fromCode: 'String', toLevel: 'String', toCode: 'String', kind: 'String', effectiveOn: 'String', source: 'String' },
  AdministrativeMappingIssueRecorded: { kind: 'String', reason: 'String', subject: 'String', message: 'String', source: 'String' },
  AdministrativeUnitSuccessionWithdrawn: { fromLevel: 'String', fromCode: 'String', toLevel: 'String', toCode: 'String', effectiveOn: 'String', reason: 'String' },
  VillageRegistered: { villageId: 'ID', communeCode: 'String', name: 'String', kind: 'String', households: 'Int', registeredOn: 'String' },
  VillageRenamed: { villageId: 'ID', name: 'String', renamedOn: 'String' },
  VillageRetired: { villageId: 'ID', retiredOn: 'String', reason: 'String' },
  VillageMoved: { villageId: 'ID', fromCommuneCode: 'String', toCommuneCode: 'String', movedOn: 'String', decisionRef: 'String' },
} satisfies Record<(typeof ADMIN_UNIT_EVENT_TYPES)[number] | (typeof VILLAGE_EVENT_TYPES)[number], AuditDataSpec>);
