/**
 * The limits of one GraphQL request (docs/errors.md lists the codes they raise). Chosen so every
 * screen of a portal fits well inside them, while a hostile document is refused before it runs.
 */
export interface QueryLimits {
  /** Nesting of fields (introspection subtrees excepted, they are bounded by the schema). */
  readonly maxDepth: number;
  /** Aliased fields in the operation, fragments counted where they are used. */
  readonly maxAliases: number;
  /** Cost of one request, computed before execution from connection sizes. */
  readonly maxCost: number;
  /** `first` assumed when a connection argument is absent (the kit's default page). */
  readonly defaultPageSize: number;
  /** Points of the per-client bucket, and how fast it refills. */
  readonly budgetCapacity: number;
  readonly budgetRefillPerSecond: number;
  /** Tokens the parser may read: bounds parsing work before any other check. */
  readonly maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 10_000,
  defaultPageSize: 20,
  budgetCapacity: 100_000,
  budgetRefillPerSecond: 100,
  maxTokens: 20_000,
};
