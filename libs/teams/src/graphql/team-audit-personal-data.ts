import type { Provider } from '@nestjs/common';
import { AuditPersonalData } from '@cdtt/platform';
import type { SealedPersonalData } from '../domain/person.events';
import type { PersonalDataVault } from '../personal-data/personal-data.vault';

export const TEAM_AUDIT_PERSONAL_DATA = Symbol('TEAM_AUDIT_PERSONAL_DATA');

/**
 * Lets history open the sealed fields of `person-<id>` streams with this context's vault: the
 * platform never sees keys. Null (shown `[erased]`) once the person's key was destroyed.
 */
export function teamAuditPersonalData(vault: PersonalDataVault): Provider {
  return {
    provide: TEAM_AUDIT_PERSONAL_DATA,
    inject: [AuditPersonalData],
    useFactory: (audit: AuditPersonalData): true => {
      audit.use(async (streamName, sealed) => {
        if (!streamName.startsWith('person-')) return null;
        const personId = streamName.slice('person-'.length);
        const opened = await vault.open([{ personId, personal: sealed as SealedPersonalData }]);
        const fields = opened.get(personId);
        return fields ? { ...fields } : null;
      });
      return true;
    },
  };
}
