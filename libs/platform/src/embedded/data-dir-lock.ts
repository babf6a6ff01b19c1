import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time owns an embedded database folder: two PGlite instances on the same files
 * would corrupt them. A pid file says who owns it; a stale one (its process gone) is taken over.
 */
export function lockDataDir(directory: string): () => void {
  const file = join(directory, 'cdtt-owner.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${directory} is in use by process ${owner}. ` +
          'Stop that process first, or set DATABASE_URL to a PostgreSQL server that several processes can share.',
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
