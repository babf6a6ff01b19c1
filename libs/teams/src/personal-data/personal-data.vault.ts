import type { SealedPersonalData } from '../domain/person.events';
import { newDataKey, openFields, sealFields, unwrapKey, wrapKey, type PersonalFields } from './personal-data.cipher';
import type { PersonalDataKeysRepository } from './personal-data-keys.repository';

/** What a reader sees for a person whose key was destroyed. */
export const ERASED = '[erased]';

export interface SealedRow {
  readonly personId: string;
  readonly personal: SealedPersonalData | null;
}

/**
 * Seals and opens personal fields with per-person data keys. The only place plaintext personal
 * data exists; it never logs it and its errors never contain it.
 */
export class PersonalDataVault {
  constructor(
    private readonly masterKey: Buffer,
    private readonly keys: PersonalDataKeysRepository,
  ) {}

  /** Seals a person's fields, creating their data key on first use. */
  async seal(personId: string, fields: PersonalFields): Promise<SealedPersonalData> {
    const wrapped = (await this.keys.find([personId])).get(personId);
    if (wrapped === null) throw new Error(`personal data key of ${personId} was destroyed`);
    let dataKey: Buffer;
    if (wrapped === undefined) {
      dataKey = newDataKey();
      await this.keys.create(personId, wrapKey(this.masterKey, personId, dataKey));
      // Re-read: a concurrent first use may have stored its key first; use the stored one.
      const stored = (await this.keys.find([personId])).get(personId);
      if (!stored) throw new Error(`personal data key of ${personId} is missing`);
      dataKey = unwrapKey(this.masterKey, personId, stored);
    } else {
      dataKey = unwrapKey(this.masterKey, personId, wrapped);
    }
    return sealFields(dataKey, personId, fields);
  }

  /** Opens many rows at once; null for a person whose key is gone (forgotten) or whose data is absent. */
  async open(rows: readonly SealedRow[]): Promise<Map<string, PersonalFields | null>> {
    const keys = await this.keys.find(rows.map((row) => row.personId));
    const result = new Map<string, PersonalFields | null>();
    for (const row of rows) {
      const wrapped = keys.get(row.personId);
      result.set(
        row.personId,
        wrapped && row.personal ? openFields(unwrapKey(this.masterKey, row.personId, wrapped), row.personId, row.personal) : null,
      );
    }
    return result;
  }

  /** Crypto-shredding: after this, no copy of the person's fields can be read anywhere. */
  async forget(personId: string): Promise<void> {
    await this.keys.destroy(personId);
  }
}
