import { randomBytes, randomUUID } from 'node:crypto';
import { openTestDatabase } from '@cdtt/platform/testing';
import { PersonalDataVault, type PersonalDataKeys } from '@cdtt/teams';
import type { DataSource } from 'typeorm';
import { vaultSealing } from './vault-sealer';

/** The generator's sealing through the real vault: what it stores, the registry can open. */
describe('vaultSealing', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());

  it('seals with one buffered key per person, stores the keys on flush, and the vault opens the blobs with them', async () => {
    const masterKey = randomBytes(32);
    const sealing = vaultSealing(masterKey, dataSource);
    const [a, b] = [randomUUID(), randomUUID()];
    const fields = { fullName: 'Đặng Thị Bảy', phone: '0901234567', birthYear: 1999, gender: 'FEMALE' as const };
    const first = await sealing.seal(a, fields);
    const again = await sealing.seal(a, { ...fields, phone: null });
    const other = await sealing.seal(b, { ...fields, fullName: 'Ngô Văn Tám' });
    const stored = () => dataSource.query<Array<{ person_id: string }>>('SELECT person_id FROM personal_data_keys WHERE person_id = ANY($1::uuid[])', [[a, b]]);
    // Nothing is written before the flush (the generator writes keys ahead of the events they seal).
    expect(await stored()).toEqual([]);
    await sealing.flush();
    expect((await stored()).map((row) => row.person_id).sort()).toEqual([a, b].sort());

    // Opened as the registry opens them: keys read from the table.
    const keys: PersonalDataKeys = {
      find: async (ids) =>
        new Map(
          (await dataSource.query<Array<{ person_id: string; wrapped_key: string | null }>>('SELECT person_id, wrapped_key FROM personal_data_keys WHERE person_id = ANY($1::uuid[])', [[...ids]])).map(
            (row) => [row.person_id, row.wrapped_key],
          ),
        ),
      createOrFind: () => Promise.reject(new Error('not used')),
      destroy: () => Promise.reject(new Error('not used')),
    };
    const opened = await new PersonalDataVault(masterKey, keys).open([
      { personId: a, personal: first },
      { personId: b, personal: other },
    ]);
    expect(opened.get(a)).toEqual(fields);
    expect(opened.get(b)).toEqual({ ...fields, fullName: 'Ngô Văn Tám' });
    // The second seal of a used the same key: it opens too.
    expect((await new PersonalDataVault(masterKey, keys).open([{ personId: a, personal: again }])).get(a)).toEqual({ ...fields, phone: null });
    await dataSource.query('DELETE FROM personal_data_keys WHERE person_id = ANY($1::uuid[])', [[a, b]]);
  });
});
