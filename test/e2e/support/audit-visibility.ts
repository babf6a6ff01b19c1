import type { Runtime } from '@cdtt/platform';
import type { TeamsE2eWorld } from './teams-e2e-world';

/**
 * Until the teams projection has applied the world's communes and villages. The event store shows an event to
 * readers only once every older transaction of the whole PostgreSQL cluster has ended (the gap-safe
 * horizon), so on a server shared with other suites the world's freshly appended units can stay
 * invisible for seconds after `open()` returned.
 */
export async function untilWorldVisible(world: TeamsE2eWorld, villagesPerCommune: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await world.runtime.dataSource.query<unknown[]>(
      "SELECT 1 FROM team_admin_units_v1 WHERE level = 'COMMUNE' AND code = ANY($1) AND valid_from = $2::date",
      [world.communes, `${world.year}-01-01`],
    );
    const [villages] = await world.runtime.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM team_villages_v1 WHERE commune_code = ANY($1) AND registered_on = $2::date',
      [world.communes, `${world.year}-01-01`],
    );
    if (rows.length === world.communes.length && (villages?.n ?? 0) >= world.communes.length * villagesPerCommune) return;
    if (Date.now() > deadline) throw new Error(`the world's communes were not projected within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Until every event written to this database is readable in `$all` (PostgreSQL store): the head's
 * global position reaches the table's highest one. On a database other suites write to, it waits for
 * their events too; open transactions anywhere on the server only delay it.
 */
export async function untilLogVisible(runtime: Runtime, timeoutMs = 60_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [written] = await runtime.dataSource.query<Array<{ max: string | null }>>('SELECT max(global_position)::text AS max FROM event_store.events');
    const head = await runtime.eventStore.headPosition();
    if ((written?.max ?? null) === null || (head !== null && BigInt(head.split('-')[1] ?? '0') >= BigInt(written?.max ?? '0'))) return head;
    if (Date.now() > deadline) throw new Error(`events up to ${written?.max} did not become readable within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
