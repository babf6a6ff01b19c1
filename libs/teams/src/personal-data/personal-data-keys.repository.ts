import type { DataSource } from 'typeorm';

interface KeyRow {
  person_id: string;
  wrapped_key: string | null;
}

/** What the vault needs of a key store: the SQL repository, or the generator's buffered one. */
export interface PersonalDataKeys {
  createOrFind(personId: string, wrappedKey: string): Promise<string | null | undefined>;
  find(personIds: readonly string[]): Promise<Map<string, string | null>>;
  destroy(personId: string): Promise<void>;
}

/**
 * `personal_data_keys`: one wrapped data key per person, deliberately outside the event store so
 * that deleting it (crypto-shredding) erases the person's fields from every event and replay.
 */
export class PersonalDataKeysRepository implements PersonalDataKeys {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores `wrappedKey` for a person who has no key yet and answers the key that is stored, in one
   * statement: the new one, the one a person already had (never re-keys data), or null once
   * destroyed. Undefined only when a concurrent first use committed its key after this statement
   * began (the insert then yields to it, and the statement cannot see it): read again with `find`.
   */
  async createOrFind(personId: string, wrappedKey: string): Promise<string | null | undefined> {
    const rows = await this.dataSource.query<Array<{ wrapped_key: string | null }>>(
      `WITH created AS (
         INSERT INTO personal_data_keys (person_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING RETURNING wrapped_key
       )
       SELECT wrapped_key FROM created
       UNION ALL
       SELECT wrapped_key FROM personal_data_keys WHERE person_id = $1 AND NOT EXISTS (SELECT 1 FROM created)`,
      [personId, wrappedKey],
    );
    return rows.length === 0 ? undefined : (rows[0]?.wrapped_key ?? null);
  }

  /** Wrapped keys by person; a destroyed key maps to null, an unknown person is absent. */
  async find(personIds: readonly string[]): Promise<Map<string, string | null>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.dataSource.query<KeyRow[]>(
      'SELECT person_id, wrapped_key FROM personal_data_keys WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    return new Map(rows.map((row) => [row.person_id, row.wrapped_key]));
  }

  /** Irreversible: the key bytes are overwritten by NULL; the row stays as a record of when. */
  async destroy(personId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO personal_data_keys (person_id, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(personal_data_keys.destroyed_at, now())`,
      [personId],
    );
  }
}
