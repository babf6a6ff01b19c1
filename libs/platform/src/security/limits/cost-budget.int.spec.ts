import { uuidv7 } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import { openTestDatabase } from '../../projections/testing/projection-test-kit';
import { CostBudget } from './cost-budget';

describe('per-client cost budget (token bucket in PostgreSQL)', () => {
  let dataSource: DataSource;
  const clients: string[] = [];
  const client = (): string => {
    const id = `budget-test-${uuidv7()}`;
    clients.push(id);
    return id;
  };

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM api_cost_buckets WHERE client_id = ANY($1)', [clients]);
    await dataSource.destroy();
  });

  it('grants while the bucket holds enough, then refuses with a retry time', async () => {
    const budget = new CostBudget(dataSource, 100, 10);
    const id = client();
    expect(await budget.take(id, 60)).toEqual({ granted: true, remaining: 40 });
    const refused = await budget.take(id, 60);
    expect(refused).toMatchObject({ granted: false });
    // 20 points are missing at 10 points a second (a little refilled meanwhile): 2 s.
    expect(refused.granted ? 0 : refused.retryAfterSeconds).toBe(2);
    expect(await budget.take(id, 30)).toMatchObject({ granted: true });
  });

  it('refills with time, up to the capacity', async () => {
    const budget = new CostBudget(dataSource, 100, 10);
    const id = client();
    await budget.take(id, 100);
    await dataSource.query(`UPDATE api_cost_buckets SET updated_at = now() - interval '5 seconds' WHERE client_id = $1`, [id]);
    expect(await budget.take(id, 50)).toMatchObject({ granted: true, remaining: 0 });
    await dataSource.query(`UPDATE api_cost_buckets SET updated_at = now() - interval '1 hour' WHERE client_id = $1`, [id]);
    expect(await budget.take(id, 1)).toEqual({ granted: true, remaining: 99 });
  });

  it('keeps one budget per client across concurrent requests (no lost updates)', async () => {
    const budget = new CostBudget(dataSource, 1_000, 0.001);
    const id = client();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => budget.take(id, 100)));
    expect(decisions.filter((d) => d.granted)).toHaveLength(10);
  });
});
