const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar date `YYYY-MM-DD` (a Vietnam civil date). Kept here because domain/ may not
 * import the platform lib (it carries Nest); the platform's `isLocalDate` follows the same rule.
 */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200;
}
