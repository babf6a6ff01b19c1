/**
 * Every statement the adapter sends. Values are read as text and decoded in `event-rows.ts`, so
 * the shared pool's type parsers (TypeORM may change int8 parsing, for one) cannot change what a
 * hash is computed over. Because the text columns keep their names, every ORDER BY names the
 * table column (`e.revision`): a bare name would bind to the text output column and sort '10'
 * before '9'.
 */

/**
 * A read sent as a named prepared statement: each connection parses and plans it once, not on
 * every call. The `$all` reads cost ten times more to plan (~1.4 ms) than to run when a
 * projection is at the head, and every append wakes every projection (measured, ADR 0016).
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

const named = (name: string, text: string): NamedStatement => ({ name: `cdtt_es_${name}`, text });

/** The channel appends NOTIFY on commit; listeners only take it as a hint to read again. */
export const CHANGE_CHANNEL = 'cdtt_event_store';

/**
 * Namespace for the per-stream advisory locks (two-int4 form, so it cannot collide with
 * single-bigint advisory locks such as the migration lock). 0x43445454 is 'CDTT'.
 */
export const STREAM_LOCK_NAMESPACE = 0x43445454;

/** Every column of an event as `event-rows.ts` reads it: [expression, output name]. */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['e.event_id::text', 'id'],
  ['e.type', 'type'],
  ['e.schema_version::text', 'schema_version'],
  ['e.data::text', 'data'],
  ['e.metadata::text', 'metadata'],
  ['e.stream_name', 'stream_name'],
  ['e.revision::text', 'revision'],
  ['e.tx_id::text', 'tx_id'],
  ['e.global_position::text', 'global_position'],
  [`to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`, 'recorded_at'],
];

const EVENT_COLUMNS = COLUMNS.map(([expression, alias]) => `${expression} AS ${alias}`).join(', ');


/**
 * The `$all` visibility rule: a row is readable once its transaction id is below the snapshot's
 * xmin, i.e. no transaction that could still commit an earlier (tx_id, global_position) is running.
 */
const VISIBLE = 'e.tx_id < pg_snapshot_xmin(pg_current_snapshot())';

/** Whether the caller's transaction already holds an id (wrote), and its isolation level. */
export const TRANSACTION_STATE = `
  SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote,
         current_setting('transaction_isolation') AS isolation`;

/** Serialises writers of one stream until commit; hash collisions only serialise more. */
export const LOCK_STREAM = 'SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))';

/** The stored events among some ids; `ids` is `$1` or an escaped array literal. */
const selectByIds = (ids: string): string => `SELECT ${EVENT_COLUMNS} FROM event_store.events e WHERE e.event_id = ANY(${ids}::uuid[])`;
export const SELECT_BY_IDS = selectByIds('$1');

/** A stream's last revision and hash; `name` is `$1` or an escaped literal. */
const selectHead = (name: string): string => `
  SELECT e.revision::text AS revision, e.metadata->>'hash' AS hash
  FROM event_store.events e WHERE e.stream_name = ${name} ORDER BY e.revision DESC LIMIT 1`;
export const SELECT_HEAD = selectHead('$1');

/**
 * One multi-row INSERT per batch. unnest keeps the statement text and parameter count fixed
 * whatever the batch size; ORDER BY ordinality assigns global positions in revision order.
 */
const INSERT_INTO = `INSERT INTO event_store.events
    (stream_name, revision, event_id, type, schema_version, data, metadata, recorded_at)`;
const RETURNING_POSITIONS = 'RETURNING revision::text AS revision, tx_id::text AS tx_id, global_position::text AS global_position';

export const INSERT_EVENTS = `
  ${INSERT_INTO}
  SELECT $1::text, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata, $8::timestamptz
  FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
    WITH ORDINALITY AS e(revision, event_id, type, schema_version, data, metadata, ord)
  ORDER BY e.ord
  ${RETURNING_POSITIONS}`;

/**
 * INSERT_EVENTS and the commit-time wake-up in one round trip: pg_notify is NOTIFY as a function,
 * delivered at commit only, exactly like the statement (a rolled-back append wakes nobody).
 */
export const INSERT_EVENTS_AND_NOTIFY = `
  WITH inserted AS (${INSERT_EVENTS}), notified AS (SELECT pg_notify('${CHANGE_CHANNEL}', '') AS sent)
  SELECT inserted.* FROM inserted, notified`;

/**
 * BEGIN, the stream lock, then what an append needs to know (whether the batch's ids are stored
 * already, the stream head) as one simple-protocol message of four statements: one round trip
 * instead of four.
 * Both arguments are escaped literals. In READ COMMITTED each statement takes its own snapshot, so
 * the reads, coming after the lock, see what the previous holder of the lock committed.
 */
export const beginLockAndRead = (escapedStreamName: string, escapedIds: string): string =>
  [
    'BEGIN ISOLATION LEVEL READ COMMITTED',
    `SELECT pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, hashtext(${escapedStreamName}::text))`,
    // Only whether the batch was stored before: the rows themselves are read in the rare retry.
    `SELECT EXISTS (SELECT 1 FROM event_store.events k WHERE k.event_id = ANY(${escapedIds}::uuid[])) AS retried`,
    selectHead(escapedStreamName),
  ].join(';\n');

/**
 * The wake-up of an append in the adapter's own transaction, sent after its COMMIT in the same
 * message, so it runs in a transaction of its own. PostgreSQL serialises the commits of
 * transactions that NOTIFY (a database-wide lock taken before commit and held until it ends, WAL
 * flush included), so a NOTIFY inside the append would keep concurrent appends from sharing a WAL
 * flush. On its own it commits without a flush of its own. It runs only if everything before it
 * in the message did (the server skips the rest of a message after an error), and a wake-up lost
 * to a crash in between is made up by polling: it is a hint to read again, never the event.
 */
const WAKE_UP_AFTER_COMMIT = `SELECT pg_notify('${CHANGE_CHANNEL}', '')`;

/**
 * The same insert as INSERT_EVENTS with its values given as rows of escaped literals
 * `(stream, revision, id, type, schema_version, data, metadata, recorded_at)` in revision order
 * (a VALUES list is inserted in its order, so global positions follow revisions), then COMMIT
 * and the wake-up: one simple-protocol message ending the adapter's own append transaction.
 */
export const insertNotifyAndCommit = (literalRows: string): string => `
  ${INSERT_INTO}
  VALUES ${literalRows}
  ${RETURNING_POSITIONS};
  COMMIT;
  ${WAKE_UP_AFTER_COMMIT}`;

/**
 * An append whose stream head the caller knows (no stream, or an exact revision with its hash)
 * as one simple-protocol message: BEGIN, the stream lock, the insert, COMMIT and the wake-up.
 * Each statement of a READ COMMITTED transaction takes its own snapshot, so the insert, coming
 * after the lock, sees what every earlier holder committed, and no other writer of the stream can
 * insert until this one ends (every append takes the lock). With a known revision, the insert's
 * WHERE then tells exactly whether the head is the known one: the stream's last event has that
 * revision and that hash. Otherwise it inserts no row and raises no error, so a lost race (common
 * on a busy team) costs no ERROR in the server's log; the caller takes the longer path. A new
 * stream is left to the (stream, revision) key: only a retry or a reused stream name meets it,
 * and the caller takes the longer path after that error too. The values are escaped literals.
 */
export const lockInsertNotifyAndCommit = (
  escapedStreamName: string,
  literalRows: string,
  knownHead: { readonly escapedRevision: string; readonly escapedHash: string } | null,
): string => {
  // The stream's last event, read as the head read reads it (one index probe, backwards).
  const check = knownHead
    ? `WHERE (SELECT h.revision = ${knownHead.escapedRevision}::bigint AND h.metadata->>'hash' = ${knownHead.escapedHash}
         FROM event_store.events h WHERE h.stream_name = ${escapedStreamName} ORDER BY h.revision DESC LIMIT 1)`
    : '';
  return [
    'BEGIN ISOLATION LEVEL READ COMMITTED',
    `SELECT pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, hashtext(${escapedStreamName}::text))`,
    // ORDER BY revision: global positions are drawn in the order the rows reach the insert.
    `${INSERT_INTO}
     SELECT * FROM (VALUES ${literalRows}) AS v(stream_name, revision, event_id, type, schema_version, data, metadata, recorded_at)
     ${check} ORDER BY v.revision
     ${RETURNING_POSITIONS}`,
    'COMMIT',
    WAKE_UP_AFTER_COMMIT,
  ].join(';\n');
};

export const READ_STREAM_FORWARDS = named('read_stream_forwards', `
  SELECT ${EVENT_COLUMNS} FROM event_store.events e
  WHERE e.stream_name = $1 AND e.revision >= COALESCE($2::bigint, 0)
    AND e.recorded_at <= COALESCE($3::timestamptz, 'infinity')
  ORDER BY e.revision LIMIT $4`);

export const READ_STREAM_BACKWARDS = named('read_stream_backwards', `
  SELECT ${EVENT_COLUMNS} FROM event_store.events e
  WHERE e.stream_name = $1 AND e.revision <= COALESCE($2::bigint, 9223372036854775807)
    AND e.recorded_at <= COALESCE($3::timestamptz, 'infinity')
  ORDER BY e.revision DESC LIMIT $4`);

export const READ_ALL = named('read_all', `
  SELECT ${EVENT_COLUMNS} FROM event_store.events e
  WHERE ${VISIBLE} AND (e.tx_id, e.global_position) > ($1::xid8, $2::bigint)
  ORDER BY e.tx_id, e.global_position LIMIT $3`);

/**
 * A page of the wanted types and how far the log was read for it, in one statement so that the
 * page and its bounds share one snapshot (a second statement could see a newer head and let a
 * reader skip an event committed in between). It walks at most $5 events of `$all` in order by
 * the primary key (the other types are passed over inside the server), keeps them up to the $3-th
 * match, and returns the matches with `through` (the last event kept), how many were kept, and
 * whether the walk reached the visible head without filling the page. One row per match, or one
 * row of nulls with the bounds when none matched; no row at all when nothing is visible after $1/$2.
 * The walk is bounded so every read costs about the same: a projection of rare types moves through
 * the log a window at a time instead of in one scan of all of it.
 *
 * The walk stops at the $3-th match: `matches` never decreases, so `matches <= $3` is a run
 * condition of the window (PostgreSQL 15+), which stops pulling rows once it fails. A dense
 * projection's page then walks ~$3 rows instead of the whole window (a fieldwork page: 650 rows in
 * 3 ms against 20,000 in 90 ms, measured). The walk reads positions and types only; the columns are
 * read for the kept matches alone, by primary key. With every walked row kept unless the page
 * filled, the last kept row also tells whether the walk reached the head: it is short of the window
 * and short of a full page.
 */
export const READ_ALL_OF_TYPES = named('read_all_of_types', `
  WITH kept AS (
    SELECT * FROM (
      SELECT s.*, row_number() OVER w AS n, count(*) FILTER (WHERE s.wanted) OVER w AS matches
      FROM (
        SELECT e.tx_id AS scan_tx, e.global_position AS scan_gp, e.type = ANY($4::text[]) AS wanted, e.recorded_at AS scan_recorded_at
        FROM event_store.events e
        WHERE ${VISIBLE} AND (e.tx_id, e.global_position) > ($1::xid8, $2::bigint)
        ORDER BY e.tx_id, e.global_position LIMIT $5
      ) s
      WINDOW w AS (ORDER BY s.scan_tx, s.scan_gp ROWS UNBOUNDED PRECEDING)
    ) walked
    WHERE walked.matches <= $3 AND (walked.matches < $3 OR walked.wanted)
  ), bounds AS (
    SELECT k.scan_tx, k.scan_gp, k.n AS kept_count, k.scan_recorded_at, k.n < $5 AND k.matches < $3 AS at_head
    FROM kept k ORDER BY k.n DESC LIMIT 1
  )
  SELECT ${EVENT_COLUMNS},
    b.scan_tx::text AS through_tx, b.scan_gp::text AS through_gp, b.at_head, b.kept_count::text AS scanned,
    to_char(b.scan_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS through_recorded_at
  FROM bounds b
  LEFT JOIN kept k ON k.wanted
  LEFT JOIN event_store.events e ON e.tx_id = k.scan_tx AND e.global_position = k.scan_gp
  ORDER BY k.n`);

export const HEAD_POSITION = `
  SELECT e.tx_id::text AS tx_id, e.global_position::text AS global_position FROM event_store.events e
  WHERE ${VISIBLE} ORDER BY e.tx_id DESC, e.global_position DESC LIMIT 1`;
