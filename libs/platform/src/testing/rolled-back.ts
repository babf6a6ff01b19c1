import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction that is always rolled back, and returns what it read there: lets a
 * test apply the same events two ways to one shared database and compare the rows each leaves.
 */
export async function inRolledBackTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    return await work(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
