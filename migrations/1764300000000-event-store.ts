import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store (libs/event-store-postgres): one append-only table in its own schema.
 *
 * - `tx_id` is the writing transaction's 64-bit id (xid8, never wraps). Readers of `$all` only
 *   return rows with `tx_id` below the oldest transaction still running, and order by
 *   `(tx_id, global_position)`: identity values commit out of order, transaction ids below that
 *   horizon cannot gain new rows, so nothing that commits late is ever skipped.
 * - The primary key is that ordering, so `$all` reads and checkpoints are one index range scan.
 *   `global_position` alone is unique by construction (an identity) and only breaks ties.
 * - `UNIQUE (stream_name, revision)` both serves stream reads (forwards, backwards, the head) and is
 *   the backstop against a forked stream if a writer ever bypassed the stream lock.
 * - `UNIQUE (event_id)` makes idempotency by id global (across streams) and catches a concurrent
 *   duplicate that no stream lock covers.
 * - No separate `streams` table: the head (last revision and its hash) is the last entry of the
 *   (stream_name, revision) index, one probe; a head row would cost a second write and a hot-row
 *   update per append, and the advisory lock already serialises writers of a stream.
 * - `metadata` holds correlationId, causationId, actor, effectiveAt, prevHash and hash. jsonb is
 *   safe for the audit chain because hashes are computed over RFC 8785 canonical JSON of the
 *   parsed values, which ignores key order and whitespace that jsonb does not keep.
 * - `recorded_at` holds the store clock's instant (milliseconds, covered by the hash).
 */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA event_store');
    await queryRunner.query(`
      CREATE TABLE event_store.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_name text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL CHECK (schema_version >= 1),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_pkey PRIMARY KEY (tx_id, global_position),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_name, revision),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_store.events');
    await queryRunner.query('DROP SCHEMA event_store');
  }
}
