import type { Pool } from 'pg';

/**
 * Whether a server of this `SELECT version()` gives each connection a session of its own: not
 * PGlite, whose socket server runs every connection in one backend session.
 */
export const ownSessionPerConnection = (version: string): boolean => !/PGlite/i.test(version);

/**
 * Whether named prepared statements are safe on the pool's database: not on PGlite, where every
 * connection of the socket server shares one backend session and a second client preparing the
 * same name fails with "already exists". Asked on first use and remembered; a failed check is
 * asked again. Shared by the event store's reads and the read models' `PreparedReads`.
 */
export function namedStatementsCheck(pool: Pool): () => Promise<boolean> {
  let answer: Promise<boolean> | null = null;
  return () =>
    (answer ??= pool.query<{ version: string }>('SELECT version()').then(
      ({ rows }) => ownSessionPerConnection(rows[0]?.version ?? ''),
      () => {
        answer = null;
        return false;
      },
    ));
}
