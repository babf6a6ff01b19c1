import { codedError } from '../../graphql/coded-error';
import type { ActorRole, RequestActor } from '../../graphql/request-actor';

/**
 * What a caller may read and change, by province. ADMIN and AUDITOR see every province; a PORTAL
 * sees only its own (none when it has none). Writes: ADMIN anywhere, PORTAL in its provinces,
 * AUDITOR nowhere. Read services and command services take a scope, so a check cannot be left to
 * a resolver alone: the SQL itself filters, and commands refuse before deciding.
 *
 * An object outside a portal's provinces must look exactly like one that does not exist (no
 * existence leak): callers answer null, an empty page, or the same NOT_FOUND code as for an
 * unknown id. Only a role that may not write at all gets a top-level FORBIDDEN.
 */
export class ProvinceScope {
  /** For trusted callers (projections, the CLI, tests of other behaviour): no restriction. */
  static readonly UNRESTRICTED = new ProvinceScope('ADMIN', null);

  private constructor(
    readonly role: ActorRole,
    /** Null when every province is visible. */
    private readonly provinces: ReadonlySet<string> | null,
  ) {}

  static of(actor: RequestActor): ProvinceScope {
    if (actor.role !== 'PORTAL') return actor.role === 'ADMIN' ? ProvinceScope.UNRESTRICTED : new ProvinceScope(actor.role, null);
    return new ProvinceScope('PORTAL', new Set(actor.provinceCodes));
  }

  /** True when some provinces are hidden (a portal). */
  get restricted(): boolean {
    return this.provinces !== null;
  }

  /** The visible province codes, or null for all of them. */
  get provinceCodes(): readonly string[] | null {
    return this.provinces === null ? null : [...this.provinces].sort();
  }

  /** Whether an object of this province is visible; an object of no known province is visible only unrestricted. */
  canSee(provinceCode: string | null | undefined): boolean {
    if (this.provinces === null) return true;
    return typeof provinceCode === 'string' && this.provinces.has(provinceCode);
  }

  /** Whether this role may change anything at all (the province is checked by canSee). */
  get mayWrite(): boolean {
    return this.role !== 'AUDITOR';
  }

  /** A role that never writes gets a top-level FORBIDDEN, before anything is claimed or written. */
  assertCanWrite(): void {
    if (!this.mayWrite) throw codedError('FORBIDDEN', `A ${this.role} client may read but not change data.`);
  }

  /**
   * A SQL condition restricting `column` (a province code) to this scope, with `placeholder`
   * bound to `sqlParam`: null (no restriction) or the visible codes. The parameter is always
   * bound, so callers number their placeholders the same way whatever the role. A NULL column
   * never matches a restricted scope.
   *
   * Each kind of scope gets its own text, naming only what it tests: with one text for both
   * (`$p IS NULL OR column = ANY($p)`) a prepared statement's generic plan has to cost the column,
   * which the custom plan for a NULL parameter drops, so PostgreSQL kept planning such a statement
   * on every call; measured on geography's village province (a correlated subquery): 0.2-0.5 ms of
   * planning in each `team(id)` (ADR 0023). A text given the other kind's parameter sees nothing.
   */
  sqlFilter(column: string, placeholder: string): string {
    return this.provinces === null ? `(${placeholder}::text[] IS NULL)` : `(${column} = ANY(${placeholder}::text[]))`;
  }

  get sqlParam(): string[] | null {
    return this.provinces === null ? null : [...this.provinces].sort();
  }
}
