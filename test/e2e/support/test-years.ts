import type { DataSource } from 'typeorm';

/**
 * Reserves a year in [from, to) that no other test world ever took in this database, so that
 * worlds living "in one year only" (targets, closed periods, reports, statistics) never meet,
 * even when jest workers run side by side. Picking a random year instead collided about once in
 * twenty CI runs (two worlds in 2100..2199 both on 2113: one closed the other's target period).
 * Reservations are kept: a used year holds that run's events for good, so a reused database
 * must not hand it out again; when a range runs dry, the error says to start a fresh database.
 */
export async function reserveTestYear(db: DataSource, range: readonly [number, number], owner: string): Promise<number> {
  await db.transaction(async (tx) => {
    // Serialises the first CREATE: concurrent CREATE TABLE IF NOT EXISTS can fail on pg_type.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['cdtt_test_years']);
    await tx.query('CREATE TABLE IF NOT EXISTS test_years (year int PRIMARY KEY, owner text NOT NULL, reserved_at timestamptz NOT NULL DEFAULT now())');
  });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const taken = await db.query<Array<{ year: number }>>(
      `INSERT INTO test_years (year, owner)
       SELECT y, $3 FROM generate_series($1::int, $2::int - 1) AS y
        WHERE NOT EXISTS (SELECT 1 FROM test_years t WHERE t.year = y)
        ORDER BY random() LIMIT 1
       ON CONFLICT (year) DO NOTHING RETURNING year`,
      [range[0], range[1], owner],
    );
    if (taken[0]) return taken[0].year;
    const [left] = await db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM generate_series($1::int, $2::int - 1) AS y WHERE NOT EXISTS (SELECT 1 FROM test_years t WHERE t.year = y)', [range[0], range[1]]);
    if (!left || left.n === 0) break;
  }
  throw new Error(`every test year in ${range[0]}..${range[1] - 1} is used in this database: run the tests on a fresh database`);
}
