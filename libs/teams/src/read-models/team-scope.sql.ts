/**
 * The portal-scope condition on a team row (alias `alias` of `teams_v1`), with `placeholder` bound to
 * `ProvinceScope.sqlParam` (null: no restriction; else the visible province codes). A team is
 * visible where it is attached now: `visible_province_codes` holds its current province, or every
 * successor's province while it waits for a choice after a split (ADR 0012, amendment). A team with
 * no known province never matches a restricted scope.
 */
export function teamScopeFilter(alias: string, placeholder: string): string {
  return `(${placeholder}::text[] IS NULL OR ${alias}.visible_province_codes && ${placeholder}::text[])`;
}
