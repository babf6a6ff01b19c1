/**
 * A dated row in force on the date in parameter `$n`: `[valid_from, valid_to)`, a null start is
 * "since before we know", a null end is "still in force". One definition for every reader.
 */
export function inForce(alias: string, dateParam: string): string {
  return `((${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${dateParam}::date)
    AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${dateParam}::date))`;
}
