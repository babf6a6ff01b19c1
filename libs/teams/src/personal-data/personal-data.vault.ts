import type { SealedPersonalData } from '../domain/person.events';
import { newDataKey, openFields, sealFields, unwrapKey, wrapKey, type PersonalFields } from './personal-data.cipher';
import type { PersonalDataKeys } from './personal-data-keys.repository';

/** What a reader sees for a person whose key was destroyed. */
export const ERASED = '[erased]';

export interface SealedRow {
  readonly personId: string;
  readonly personal: SealedPersonalData | null;
}

/** A sealed row read together with its person's wrapped key (`personal_data_keys`; null: destroyed or none). */
export interface KeyedSealedRow extends SealedRow {
  readonly wrappedKey: string | null;
}

/**
 * Seals and opens personal fields with per-person data keys. The only place plaintext personal
 * data exists; it never logs it and its errors never contain it.
 */
export class PersonalDataVault {
  constructor(
    private readonly masterKey: Buffer,
    private readonly keys: PersonalDataKeys,
  ) {}

  /**
   * Seals a person's fields, creating their data key on first use. One round trip: a fresh key is
   * offered every time (wrapping it costs microseconds) and the stored one is used, so a new person
   * costs one statement instead of a lookup, an insert and a re-read.
   */
  async seal(personId: string, fields: PersonalFields): Promise<SealedPersonalData> {
    const offered = wrapKey(this.masterKey, personId, newDataKey());
    // Undefined: a concurrent first use stored its key after the statement began; use theirs.
    const stored = (await this.keys.createOrFind(personId, offered)) ?? (await this.keys.find([personId])).get(personId);
    if (stored === null) throw new Error(`personal data key of ${personId} was destroyed`);
    if (stored === undefined) throw new Error(`personal data key of ${personId} is missing`);
    return sealFields(unwrapKey(this.masterKey, personId, stored), personId, fields);
  }

  /** Opens many rows at once; null for a person whose key is gone (forgotten) or whose data is absent. */
  async open(rows: readonly SealedRow[]): Promise<Map<string, PersonalFields | null>> {
    const keys = await this.keys.find(rows.map((row) => row.personId));
    return this.openKeyed(rows.map((row) => ({ ...row, wrappedKey: keys.get(row.personId) ?? null })));
  }

  /** Opens rows that carry their wrapped key, read in the same statement as the rows: no lookup of its own. */
  openKeyed(rows: readonly KeyedSealedRow[]): Map<string, PersonalFields | null> {
    const result = new Map<string, PersonalFields | null>();
    for (const row of rows) {
      const wrapped = row.wrappedKey;
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
