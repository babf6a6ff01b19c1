import { createHash } from 'node:crypto';
import { canonicalJson } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'completed'; readonly response: unknown }
  | { readonly kind: 'pending' }
  | { readonly kind: 'mismatch' };

/** Fingerprint of what was asked: the operation and its input without the key itself. */
export function requestHashOf(operation: string, input: object): string {
  const { idempotencyKey: _key, ...rest } = input as { idempotencyKey?: unknown };
  return createHash('sha256').update(canonicalJson({ operation, input: rest })).digest('hex');
}

/**
 * Idempotency records in PostgreSQL, shared by every API instance: (client, key) → the request's
 * fingerprint and, once done, the response. A row is claimed before the work starts, so two
 * concurrent retries cannot both write.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(clientId: string, key: string, operation: string, requestHash: string): Promise<Claim> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_records (client_id, idempotency_key, operation, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT (client_id, idempotency_key) DO NOTHING RETURNING client_id`,
      [clientId, key, operation, requestHash],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const rows = await this.dataSource.query<Array<{ operation: string; request_hash: string; response: unknown; completed_at: Date | null }>>(
      `SELECT operation, request_hash, response, completed_at FROM idempotency_records
       WHERE client_id = $1 AND idempotency_key = $2`,
      [clientId, key],
    );
    const row = rows[0];
    if (!row) return this.claim(clientId, key, operation, requestHash); // released meanwhile
    if (row.operation !== operation || row.request_hash !== requestHash) return { kind: 'mismatch' };
    return row.completed_at ? { kind: 'completed', response: row.response } : { kind: 'pending' };
  }

  async complete(clientId: string, key: string, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_records SET response = $3::jsonb, completed_at = now()
       WHERE client_id = $1 AND idempotency_key = $2`,
      [clientId, key, JSON.stringify(response)],
    );
  }

  /** The work failed (a fault, not a domain rejection): let a retry run it again. */
  async release(clientId: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_records WHERE client_id = $1 AND idempotency_key = $2 AND completed_at IS NULL',
      [clientId, key],
    );
  }
}
