/** Civil dates (`YYYY-MM-DD`) as day numbers, so random dates between two bounds are easy. */
const DAY_MS = 86_400_000;

export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayOf(date) + days);
}

/** The later of two civil dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two civil dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
