import type { DataSource } from 'typeorm';
import { ProjectionWaiter, createDataSource, runMigrations } from '@cdtt/platform';

describe('ProjectionWaiter', () => {
  let dataSource: DataSource;
  const name = `waiter_test_${process.pid}_${Date.now()}_v1`;
  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL ?? '', poolSize: 1 });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
    await dataSource.destroy();
  });

  it('resolves true once the checkpoint reaches the position, false on timeout', async () => {
    const waiter = new ProjectionWaiter(dataSource, 5);
    await dataSource.query('INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2)', [name, '0005']);
    expect(await waiter.waitFor([name], '0007', 50)).toBe(false);
    setTimeout(() => void dataSource.query('UPDATE projection_checkpoints SET position = $2 WHERE name = $1', [name, '0009']), 30);
    expect(await waiter.waitFor([name], '0007', 2_000)).toBe(true);
    expect(await waiter.waitFor([name, `${name}_missing_v1`], '0001', 30)).toBe(false);
  });
});
