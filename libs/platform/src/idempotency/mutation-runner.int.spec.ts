import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ANONYMOUS_ADMIN, IdempotencyStore, MutationRunner, createDataSource, runMigrations } from '@cdtt/platform';

describe('MutationRunner (idempotency records in PostgreSQL)', () => {
  let dataSource: DataSource;
  let runner: MutationRunner;
  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL ?? '', poolSize: process.env.EMBEDDED_POSTGRES === '1' ? 1 : 10 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    runner = new MutationRunner(new IdempotencyStore(dataSource));
  });
  afterAll(async () => dataSource.destroy());

  const call = (key: string | undefined, name: string) => ({
    operation: 'renameTeam',
    input: { idempotencyKey: key, name },
    actor: ANONYMOUS_ADMIN,
  });

  it('runs the work once per key and returns the first result to every retry', async () => {
    const key = randomUUID();
    let runs = 0;
    const work = async (): Promise<{ version: number }> => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { version: runs };
    };
    // 50 retries, concurrently: one claims the key, the others wait for its answer.
    const results = await Promise.all(Array.from({ length: 50 }, () => runner.run(call(key, 'A'), work)));
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1]));
  });

  it('refuses the same key with another input or another client is independent', async () => {
    const key = randomUUID();
    await runner.run(call(key, 'A'), () => Promise.resolve({ ok: true }));
    await expect(runner.run(call(key, 'B'), () => Promise.resolve({ ok: true }))).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    const other = { ...call(key, 'B'), actor: { ...ANONYMOUS_ADMIN, clientId: 'another-client' } };
    await expect(runner.run(other, () => Promise.resolve({ ok: 'other' }))).resolves.toEqual({ ok: 'other' });
  });

  it('lets a retry run again when the first attempt failed with a fault', async () => {
    const key = randomUUID();
    await expect(runner.run(call(key, 'A'), () => Promise.reject(new Error('database went away')))).rejects.toThrow();
    await expect(runner.run(call(key, 'A'), () => Promise.resolve({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it('does nothing special without a key', async () => {
    let runs = 0;
    const work = (): Promise<number> => Promise.resolve((runs += 1));
    await runner.run(call(undefined, 'A'), work);
    await runner.run(call(undefined, 'A'), work);
    expect(runs).toBe(2);
  });
});
