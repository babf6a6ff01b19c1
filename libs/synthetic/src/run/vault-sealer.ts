import { PersonalDataVault, type PersonalDataKeys, type SealedPersonalData } from '@cdtt/teams';
import type { DataSource } from 'typeorm';
import type { PlannedPersonalFields } from '../plan/plan.types';

/**
 * The vault's key repository, buffered: the generator creates half a million data keys, and the
 * repository's one INSERT per person would cost more than the events. Keys are kept in memory and
 * written with one multi-row INSERT (same table, same ON CONFLICT rule) before the events of the
 * persons they seal, so no event is ever stored whose key is not.
 */
class BufferedKeys implements PersonalDataKeys {
  private readonly keys = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  find(personIds: readonly string[]): Promise<Map<string, string | null>> {
    const found = new Map<string, string | null>();
    for (const id of personIds) {
      const key = this.keys.get(id);
      if (key !== undefined) found.set(id, key);
    }
    return Promise.resolve(found);
  }

  /** The key kept for the person, the offered one on first use (the generator never forgets, so never null). */
  createOrFind(personId: string, wrappedKey: string): Promise<string> {
    const kept = this.keys.get(personId);
    if (kept !== undefined) return Promise.resolve(kept);
    this.keys.set(personId, wrappedKey);
    return Promise.resolve(wrappedKey);
  }

  destroy(): Promise<void> {
    return Promise.reject(new Error('the generator never forgets a person'));
  }

  async flush(): Promise<void> {
    if (this.keys.size === 0) return;
    await this.dataSource.query(
      `INSERT INTO personal_data_keys (person_id, wrapped_key)
       SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT (person_id) DO NOTHING`,
      [[...this.keys.keys()], [...this.keys.values()]],
    );
    this.keys.clear();
  }
}

export interface SealingSession {
  seal(personId: string, fields: PlannedPersonalFields): Promise<SealedPersonalData>;
  /** Stores the data keys created since the last flush. */
  flush(): Promise<void>;
}

/** A sealing session over the real vault (its cipher, key wrapping and master key). */
export function vaultSealing(masterKey: Buffer, dataSource: DataSource): SealingSession {
  const keys = new BufferedKeys(dataSource);
  const vault = new PersonalDataVault(masterKey, keys);
  return { seal: (personId, fields) => vault.seal(personId, fields), flush: () => keys.flush() };
}
