import type { SqlExecutor } from '../../projections/sql-executor';
import { CostBudget } from './cost-budget';

export type AttemptDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Attempts at exchanging credentials (POST /oauth/token, GraphiQL's sign-in), per IP address and
 * per client id. Secrets are 256 random bits, so guessing one is hopeless; the limits stop a
 * flood of scrypt checks (16 MiB each) and online guessing of weak bootstrap secrets. A portal
 * needs a token every 15 minutes: 10 attempts at once, then one per 6 s, leave ample room. Per
 * address, 60 at once then one a second, so portals behind one NAT do not starve each other.
 */
export const CREDENTIAL_ATTEMPT_LIMITS = {
  perClient: { capacity: 10, refillPerSecond: 1 / 6 },
  perAddress: { capacity: 60, refillPerSecond: 1 },
} as const;

const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Token buckets in PostgreSQL (rate_limit_buckets), shared by every API instance. */
export class CredentialAttempts {
  private readonly perClient: CostBudget;
  private readonly perAddress: CostBudget;

  constructor(db: SqlExecutor, limits = CREDENTIAL_ATTEMPT_LIMITS) {
    const table = { name: 'rate_limit_buckets', key: 'bucket_key' } as const;
    this.perClient = new CostBudget(db, limits.perClient.capacity, limits.perClient.refillPerSecond, table);
    this.perAddress = new CostBudget(db, limits.perAddress.capacity, limits.perAddress.refillPerSecond, table);
  }

  /**
   * Counts one attempt from `address` for `clientId` (null when the request names none); the
   * address first, so attempts it refuses do not also drain the client's bucket. Someone who knows
   * a client id can still delay that client's next token by a minute or so: accepted, since
   * clients keep a token for 15 minutes and guessing must stay slow. Ids that cannot exist get no
   * bucket of their own (the address bucket covers them), so random ids do not fill the table.
   */
  async attempt(address: string, clientId: string | null): Promise<AttemptDecision> {
    const byAddress = await this.perAddress.take(`oauth-address:${address}`, 1);
    if (!byAddress.granted) return { allowed: false, retryAfterSeconds: byAddress.retryAfterSeconds };
    const id = clientId?.toLowerCase() ?? '';
    if (!CLIENT_ID.test(id)) return { allowed: true };
    const byClient = await this.perClient.take(`oauth-client:${id}`, 1);
    return byClient.granted ? { allowed: true } : { allowed: false, retryAfterSeconds: byClient.retryAfterSeconds };
  }
}
