import { hostname } from 'node:os';
import { ProgressBar, type ProgressOutput } from '../../cli/progress-bar';
import type { Runtime } from '../../runtime/runtime';
import type { PostgresProjection } from '../postgres-projection';
import { rebuildProjection } from './projection-rebuild';
import { readModelTables } from './read-model-tables';
import { tableChecksum } from './table-checksum';

/** Events in the log, for the progress bar's total (a count is cheap on PostgreSQL only). */
async function eventCount(runtime: Runtime): Promise<number> {
  if (runtime.eventStoreKind !== 'postgres') return 0;
  const rows: Array<{ n: string }> = await runtime.dataSource.query('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0]?.n ?? 0);
}

/**
 * `cli rebuild-projection <name> [--no-switch]`: rebuilds one projection from the start of the
 * log beside the live one and switches reads when caught up (ADR 0011). With `--no-switch` the
 * result stays in schema `rebuild_<name>` for comparison with `checksum-projections --schema`.
 */
export async function runRebuildProjection(
  runtime: Runtime,
  projections: readonly PostgresProjection[],
  args: readonly string[],
  out: (line: string) => void,
  progress: ProgressOutput = process.stderr,
): Promise<number> {
  const [name, ...rest] = args;
  const projection = projections.find((p) => p.name === name);
  if (!projection || rest.some((arg) => arg !== '--no-switch')) {
    out(`usage: rebuild-projection <name> [--no-switch]; projections: ${projections.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const started = performance.now();
  const result = await rebuildProjection({
    dataSource: runtime.dataSource,
    store: runtime.eventStore,
    projection,
    progress: new ProgressBar(await eventCount(runtime), `rebuild ${projection.name}`, progress),
    switchReads: !rest.includes('--no-switch'),
    owner: `cli-rebuild:${hostname()}:${process.pid}`,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  out(`rebuilt ${result.projection}: ${result.events} events read, ${result.applied} applied, up to ${result.position ?? '(start)'} in ${seconds} s`);
  out(`tables (${result.schema}): ${result.tables.join(', ') || '(none written)'}`);
  return 0;
}

/**
 * `cli checksum-projections [--schema name]`: one line per read-model table, `table rows checksum`,
 * in name order, then each projection's checkpoint, so two databases (or a rebuild beside the live
 * tables) can be compared line by line.
 */
export async function runChecksumProjections(runtime: Runtime, args: readonly string[], out: (line: string) => void): Promise<number> {
  const index = args.indexOf('--schema');
  const schema = index === -1 ? 'public' : args[index + 1];
  if (schema === undefined || (index === -1 && args.length > 0)) {
    out('usage: checksum-projections [--schema <schema>]');
    return 2;
  }
  for (const table of await readModelTables(runtime.dataSource, schema)) {
    const sum = await tableChecksum(runtime.dataSource, schema, table);
    out(`${sum.table}\t${sum.rows}\t${sum.checksum}`);
  }
  const checkpoints: Array<{ name: string; position: string | null }> = await runtime.dataSource.query(
    'SELECT name, position FROM projection_checkpoints ORDER BY name COLLATE "C"',
  );
  for (const c of checkpoints) out(`checkpoint ${c.name}\t${c.position ?? '(start)'}`);
  return 0;
}
