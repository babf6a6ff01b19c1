/**
 * The version of a projection's read models (ADR 0024): when its rows last changed, with the count
 * of events it applied. Both move only in a batch that applied events or at a rebuild's switch (ADR
 * 0014: the tables change nowhere else), not when the checkpoint passes over other contexts' events,
 * so what is remembered per version stays valid while the rest of the registry is written.
 * `placeholder` binds the projection's name; null when it has no checkpoint yet.
 */
export function dataVersionSql(placeholder: string): string {
  return `(SELECT ${DATA_VERSION} FROM projection_checkpoints WHERE name = ${placeholder})`;
}

const DATA_VERSION = `to_char(data_changed_at, 'YYYYMMDDHH24MISSUS') || '#' || events_applied`;

/**
 * The data versions of the projections named in `$1` (a text array) as one text, in name order; a
 * projection without a checkpoint is left out (so its first one changes the text).
 */
export const DATA_VERSIONS_SQL = `SELECT coalesce(string_agg(name || '=' || ${DATA_VERSION}, ',' ORDER BY name), '') AS version
  FROM projection_checkpoints WHERE name = ANY($1::text[])`;
