import type { DataSource } from 'typeorm';

/**
 * Years and commune codes that no other test world ever took in this database, so worlds that
 * live "in one year only" (targets, closed periods, reports, statistics) or in communes of their
 * own never meet, even when jest workers run side by side. Random picks collided: two reporting
 * worlds both on 2113 (one closed the other's target period), and two team worlds on one 99xxx
 * commune in different years (the older world's team, still active, counted in the newer one's
 * commune). Reservations are kept: a used value holds that run's events for good, so a reused
 * database must not hand it out again; when a range runs dry the error says to use a fresh one.
 */
async function ensureTable(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises the first CREATE: concurrent CREATE TABLE IF NOT EXISTS can fail on pg_type.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['cdtt_test_reservations']);
    await tx.query(`CREATE TABLE IF NOT EXISTS test_reservations (
      kind text NOT NULL, value int NOT NULL, owner text NOT NULL, reserved_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, value))`);
  });
}

/** Takes `count` values of [from, to) for `kind`, at random among the free ones, atomically. */
async function reserve(db: DataSource, kind: string, range: readonly [number, number], count: number, owner: string): Promise<number[]> {
  await ensureTable(db);
  const taken: number[] = [];
  for (let attempt = 0; taken.length < count && attempt < 20; attempt += 1) {
    // ON CONFLICT: a concurrent world may take the same free value between the SELECT and the INSERT.
    const rows = await db.query<Array<{ value: number }>>(
      `INSERT INTO test_reservations (kind, value, owner)
       SELECT $1, v, $4 FROM generate_series($2::int, $3::int - 1) AS v
        WHERE NOT EXISTS (SELECT 1 FROM test_reservations r WHERE r.kind = $1 AND r.value = v)
        ORDER BY random() LIMIT $5
       ON CONFLICT (kind, value) DO NOTHING RETURNING value`,
      [kind, range[0], range[1], owner, count - taken.length],
    );
    if (rows.length === 0) break;
    taken.push(...rows.map((row) => row.value));
  }
  if (taken.length < count) throw new Error(`the test ${kind} range ${range[0]}..${range[1] - 1} is used up in this database: run the tests on a fresh database`);
  return taken;
}

/** A year in [from, to) for one world. */
export async function reserveTestYear(db: DataSource, range: readonly [number, number], owner: string): Promise<number> {
  const [year] = await reserve(db, 'year', range, 1, owner);
  return year!;
}

/** `count` commune codes `<province>000`..`<province>999` (two-digit province) for one world. */
export async function reserveCommuneCodes(db: DataSource, provinceCode: string, count: number, owner: string): Promise<string[]> {
  const base = Number(provinceCode) * 1000;
  const values = await reserve(db, 'commune', [base, base + 1000], count, owner);
  return values.map((value) => String(value).padStart(5, '0'));
}
