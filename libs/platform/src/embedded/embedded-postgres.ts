import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedPostgres {
  /** A postgres:// URL that pg and TypeORM connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The embedded default: a file-backed PGlite (real PostgreSQL compiled to WASM) behind
 * pglite-socket, so the same pg/TypeORM code runs with no server installed. PGlite has one
 * backend: the socket server serialises every connection, so callers use a pool of size 1.
 * See docs/adr/0002-embedded-default.md.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const directory = resolve(dataDir, 'pglite');
  await mkdir(directory, { recursive: true });
  const unlock = lockDataDir(directory);
  try {
    return await openPglite(directory, port, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPglite(directory: string, port: number, unlock: () => void): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start().catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
