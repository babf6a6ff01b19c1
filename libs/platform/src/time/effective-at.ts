/** A Vietnam civil date, `YYYY-MM-DD`. Domain dates (decisions, joins, validity) are these. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2025-02-29 is false). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200;
}

/**
 * The instant a dated decision takes effect: 00:00 in Asia/Ho_Chi_Minh (UTC+7, no daylight
 * saving), written as a UTC ISO instant for `metadata.effectiveAt`.
 */
export function effectiveAtOf(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`Not a date: ${String(date)}`);
  return new Date(`${date}T00:00:00.000+07:00`).toISOString();
}

/** Today's civil date in Vietnam for a given instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
