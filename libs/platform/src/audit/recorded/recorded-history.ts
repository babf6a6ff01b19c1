import { applyEvents } from '../../projections/apply-events';
import type { PostgresProjection } from '../../projections/postgres-projection';
import { queryRows, type SqlExecutor } from '../../projections/sql-executor';
import { queueSql } from '../../projections/write-queue';

/**
 * Tracked tables that exist but whose history is missing or behind (no trigger yet, or a column the
 * history lacks): created by a later migration, or altered since. Called after migrations, under
 * the migration lock, so instances starting together do not race on the DDL.
 */
export async function ensureRecordedHistory(executor: SqlExecutor): Promise<string[]> {
  const [installed] = await queryRows<{ ok: boolean }>(executor, "SELECT to_regclass('public.recorded_history_tables') IS NOT NULL AS ok");
  if (!installed?.ok) return [];
  const stale = await queryRows<{ name: string }>(
    executor,
    `SELECT r.name FROM recorded_history_tables r
     WHERE to_regclass(format('public.%I', r.name)) IS NOT NULL AND (
       NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = format('public.%I', r.name)::regclass AND t.tgname = r.name || '_history_track')
       OR EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = r.name
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns hc WHERE hc.table_schema = 'public'
           AND hc.table_name = r.name || '_history' AND hc.column_name = c.column_name)))
     ORDER BY r.name`,
  );
  for (const { name } of stale) await executor.query('SELECT audit_track_history($1)', [name]);
  return stale.map((row) => row.name);
}


const setRecordedClock = (manager: SqlExecutor, recordedAt: string): Promise<void> => queueSql(manager, "SELECT set_config('cdtt.recorded_at', $1, true)", [recordedAt]);

/**
 * Wraps a projection whose tables keep recorded history: before each event, the history triggers
 * learn its `recordedAt` (`cdtt.recorded_at`, local to the transaction), so live runs and rebuilds
 * write the same versions. A page is cut into runs of one instant (the events of one append share
 * it): the setting is sent once per run, and a projection with `applyPage` gets each run whole, so
 * it may write the run's rows in one statement (the trigger keeps no empty versions, so one
 * statement leaves the same history as one per event).
 */
export function withRecordedClock(projection: PostgresProjection): PostgresProjection {
  return {
    name: projection.name,
    eventTypes: projection.eventTypes,
    ...(projection.queryOnlyIndexes ? { queryOnlyIndexes: projection.queryOnlyIndexes } : {}),
    async apply(event, manager) {
      await setRecordedClock(manager, event.recordedAt);
      return projection.apply(event, manager);
    },
    async applyPage(events, manager) {
      for (let start = 0; start < events.length; ) {
        const clock = events[start]?.recordedAt ?? '';
        let end = start + 1;
        while (end < events.length && events[end]?.recordedAt === clock) end += 1;
        await setRecordedClock(manager, clock);
        await applyEvents(projection, events.slice(start, end), manager);
        start = end;
      }
    },
  };
}

