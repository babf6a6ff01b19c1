import { eventually, sleep } from '@cdtt/event-sourcing/testing';
import { ChangeNotifier } from '@cdtt/event-store-postgres';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ProjectionWaiter, createDataSource, runMigrations } from '@cdtt/platform';
import { advanceCheckpoint, CHECKPOINT_CHANNEL } from './projection-checkpoint';

const onServer = process.env.EMBEDDED_POSTGRES !== '1';
const itServer = onServer ? it : it.skip;

describe('ProjectionWaiter', () => {
  let dataSource: DataSource;
  const name = `waiter_test_${process.pid}_${Date.now()}_v1`;
  const other = `waiter_other_${process.pid}_${Date.now()}_v1`;
  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL ?? '', poolSize: 1 });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM projection_checkpoints WHERE name = ANY($1)', [[name, other]]);
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

  // PGlite accepts LISTEN but delivers nothing across connections: there the waiter only polls (above).
  itServer('on a server, checks once, then returns when its projection announces a move to the position', async () => {
    const checks = jest.spyOn(dataSource, 'query');
    const countChecks = (): number => checks.mock.calls.filter(([sql]) => String(sql).includes('name = ANY($1) AND position >=')).length;
    const moves = new ChangeNotifier(() => new Client({ connectionString: process.env.DATABASE_URL }), (error) => { throw error; }, CHECKPOINT_CHANNEL);
    // A fallback re-check a minute away: within this test only a notification can make it look again.
    const waiter = new ProjectionWaiter(dataSource, 5, moves, 60_000);
    const move = (projection: string, from: string | null, to: string): Promise<void> =>
      advanceCheckpoint(dataSource, { name: projection, from, last: { position: to, recordedAt: new Date().toISOString() }, processed: 1, applied: 1 });
    try {
      expect(await waiter.waitFor([name], '0100', 10)).toBe(false); // opens the LISTEN connection
      let position = 0;
      await eventually(async () => {
        await move(other, position === 0 ? null : String(position).padStart(4, '0'), String(position + 1).padStart(4, '0'));
        position += 1;
        expect(moves.delivering).toBe(true);
      });
      const before = countChecks();
      const waiting = waiter.waitFor([name], '0100', 10_000);
      await sleep(50);
      await move(other, String(position).padStart(4, '0'), '0099'); // another projection's move: no check
      await sleep(100);
      expect(countChecks() - before).toBe(1);
      const [row] = await dataSource.query<Array<{ position: string }>>('SELECT position FROM projection_checkpoints WHERE name = $1', [name]);
      await move(name, row?.position ?? null, '0050'); // ours, short of the position: no check either
      await sleep(100);
      // An announcement without a position (an older writer): only a check can tell.
      await dataSource.query('SELECT pg_notify($1, $2)', [CHECKPOINT_CHANNEL, name]);
      await eventually(() => expect(countChecks() - before).toBe(2));
      await move(name, '0050', '0100');
      expect(await waiting).toBe(true);
      // The announcement said where the projection got: no third check.
      expect(countChecks() - before).toBe(2);
    } finally {
      checks.mockRestore();
      await waiter.close();
    }
  });
});
