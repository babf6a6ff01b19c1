import type { DataSource } from 'typeorm';
import { embedded, openTestDatabase } from '../projections/testing/projection-test-kit';

// The embedded PostgreSQL (PGlite) ignores startup options, and is built without JIT anyway.
const onServer = embedded ? it.skip : it;

describe('createDataSource', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    if (embedded) console.log('JIT setting not checked: the embedded PostgreSQL has no JIT');
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());

  onServer('opens every session with JIT compilation off (a generic plan of the $all reads was compiled for a second per page)', async () => {
    const rows = await dataSource.query<Array<{ jit: string }>>('SHOW jit');
    expect(rows).toEqual([{ jit: 'off' }]);
  });
});
