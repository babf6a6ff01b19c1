import { randomBytes } from 'node:crypto';
import { openTestDatabase } from '@cdtt/platform/testing';
import type { DataSource } from 'typeorm';
import { StatisticsCache } from './statistics-cache';

/** The cache against a checkpoint of its own, moved by the test as a projection batch would. */
describe('StatisticsCache', () => {
  let dataSource: DataSource;
  const projection = `t${randomBytes(4).toString('hex')}_cache_v1`;
  let position = 0;
  const advance = async (): Promise<void> => {
    position += 1;
    await dataSource.query(
      `INSERT INTO projection_checkpoints AS c (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now(),
         events_applied = c.events_applied + 1, data_changed_at = clock_timestamp()`,
      [projection, `00000000000000000001-${String(position).padStart(19, '0')}`],
    );
  };
  const counting = () => {
    let calls = 0;
    return { compute: () => Promise.resolve({ call: ++calls }), calls: () => calls };
  };

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await advance();
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection]);
    await dataSource.destroy();
  });

  it('answers a repeated question from memory while the checkpoint stays, and recomputes once it moves', async () => {
    const cache = new StatisticsCache(dataSource, { projection });
    const source = counting();
    expect(await cache.get('national|2024-12-31', source.compute)).toEqual({ call: 1 });
    expect(await cache.get('national|2024-12-31', source.compute)).toEqual({ call: 1 });
    expect(await cache.get('national|2025-12-31', source.compute)).toEqual({ call: 2 });
    await advance();
    expect(await cache.get('national|2024-12-31', source.compute)).toEqual({ call: 3 });
    expect(source.calls()).toBe(3);
  });

  it('keeps its answers while the checkpoint passes over events of no interest (the data version stays)', async () => {
    const cache = new StatisticsCache(dataSource, { projection });
    const source = counting();
    expect(await cache.get('commune|01001', source.compute)).toEqual({ call: 1 });
    position += 1;
    // As a page with none of the projection's events moves it (CheckpointMoves): position and time only.
    await dataSource.query('UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1', [
      projection,
      `00000000000000000001-${String(position).padStart(19, '0')}`,
    ]);
    expect(await cache.get('commune|01001', source.compute)).toEqual({ call: 1 });
    await advance();
    expect(await cache.get('commune|01001', source.compute)).toEqual({ call: 2 });
  });

  it('shares one computation between concurrent identical requests', async () => {
    const cache = new StatisticsCache(dataSource, { projection });
    const source = counting();
    const answers = await Promise.all(Array.from({ length: 16 }, () => cache.get('province|01', source.compute)));
    expect(new Set(answers.map((a) => a.call))).toEqual(new Set([1]));
    expect(source.calls()).toBe(1);
  });

  it('does not remember a failure, and keeps at most maxEntries answers', async () => {
    const cache = new StatisticsCache(dataSource, { projection, maxEntries: 2 });
    await expect(cache.get('k', () => Promise.reject(new Error('statement timeout')))).rejects.toThrow('statement timeout');
    const source = counting();
    expect(await cache.get('k', source.compute)).toEqual({ call: 1 });
    await cache.get('a', source.compute);
    await cache.get('b', source.compute);
    // 'k' was the oldest of three: evicted, so it is computed again.
    expect(await cache.get('k', source.compute)).toEqual({ call: 4 });
  });
});
