import type { DataSource } from 'typeorm';

interface KeyRow {
  person_id: string;
  wrapped_key: string | null;
}

/**
 * `personal_data_keys`: one wrapped data key per person, deliberately outside the event store so
 * that deleting it (crypto-shredding) erases the person's fields from every event and replay.
 */
export class PersonalDataKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a key for a new person; keeps the first one if a retry races (never re-keys data). */
  async create(personId: string, wrappedKey: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO personal_data_keys (person_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`,
      [personId, wrappedKey],
    );
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
