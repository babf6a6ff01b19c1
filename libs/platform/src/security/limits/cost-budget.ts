import { queryRows, type SqlExecutor } from '../../projections/sql-executor';

export type BudgetDecision =
  | { readonly granted: true; readonly remaining: number }
  | { readonly granted: false; readonly remaining: number; readonly retryAfterSeconds: number };

interface BucketRow {
  tokens: number;
  granted: boolean;
}

/** A table of token buckets (fixed names, never from input). */
export interface BucketTable {
  readonly name: 'api_cost_buckets' | 'rate_limit_buckets';
  readonly key: 'client_id' | 'bucket_key';
}
const COST_BUCKETS: BucketTable = { name: 'api_cost_buckets', key: 'client_id' };

/**
 * Per-client query-cost budget: a token bucket in PostgreSQL, so API instances stay stateless
 * and share one budget per client. One atomic statement refills the bucket for the time elapsed,
 * then takes the cost only if it fits (`granted` records which).
 */
export class CostBudget {
  constructor(
    private readonly db: SqlExecutor,
    readonly capacity: number,
    readonly refillPerSecond: number,
    /** The same bucket arithmetic meters credential attempts (rate_limit_buckets, RateLimiter). */
    private readonly table: BucketTable = COST_BUCKETS,
  ) {}

  async take(clientId: string, cost: number): Promise<BudgetDecision> {
    const refilled = `LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)) * $3::float8)`;
    const [row] = await queryRows<BucketRow>(
      this.db,
      `INSERT INTO ${this.table.name} AS b (${this.table.key}, tokens, updated_at, granted)
       VALUES ($1, CASE WHEN $4::float8 <= $2::float8 THEN $2::float8 - $4::float8 ELSE $2::float8 END, now(), $4::float8 <= $2::float8)
       ON CONFLICT (${this.table.key}) DO UPDATE SET
         tokens = CASE WHEN ${refilled} >= $4::float8 THEN ${refilled} - $4::float8 ELSE ${refilled} END,
         granted = ${refilled} >= $4::float8,
         updated_at = now()
       RETURNING tokens, granted`,
      [clientId, this.capacity, this.refillPerSecond, cost],
    );
    const remaining = Math.floor(Number(row?.tokens ?? 0));
    if (row?.granted) return { granted: true, remaining };
    const missing = Math.max(0, cost - Number(row?.tokens ?? 0));
    return { granted: false, remaining, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.refillPerSecond)) };
  }
}
