/**
 * The version of a projection's read models (ADR 0024): when its rows last changed, with the count
 * of events it applied. Both move only in a batch that applied events or at a rebuild's switch (ADR
 * 0014: the tables change nowhere else), not when the checkpoint passes over other contexts' events,
 * so what is remembered per version stays valid while the rest of the registry is written.
 * `placeholder` binds the projection's name; null when it has no checkpoint yet.
 */
export function dataVersionSql(placeholder: string): string {
  return `(SELECT to_char(data_changed_at, 'YYYYMMDDHH24MISSUS') || '#' || events_applied FROM projection_checkpoints WHERE name = ${placeholder})`;
}
