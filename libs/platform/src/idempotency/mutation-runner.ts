import { codedError } from '../graphql/coded-error';
import type { RequestActor } from '../graphql/request-actor';
import { requestHashOf, type IdempotencyStore } from './idempotency.store';

export interface MutationCall {
  readonly operation: string;
  readonly input: object & { readonly idempotencyKey?: string | null };
  readonly actor: RequestActor;
}

const PENDING_WAIT_MS = 10_000;
const PENDING_POLL_MS = 50;

/**
 * Runs a mutation at most once per (client, idempotency key): the same key and input return the
 * first payload without writing; the same key with another input is `IDEMPOTENCY_KEY_REUSED`.
 * Payloads with userErrors are stored too: a retry gets the same answer.
 */
export class MutationRunner {
  constructor(private readonly records: IdempotencyStore) {}

  async run<T>(call: MutationCall, work: () => Promise<T>): Promise<T> {
    const key = call.input.idempotencyKey;
    if (!key) return work();
    const hash = requestHashOf(call.operation, call.input);
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (;;) {
      const claim = await this.records.claim(call.actor.clientId, key, call.operation, hash);
      if (claim.kind === 'mismatch') {
        throw codedError('IDEMPOTENCY_KEY_REUSED', 'This idempotencyKey was already used with a different input or operation.');
      }
      if (claim.kind === 'completed') return claim.response as T;
      if (claim.kind === 'claimed') return this.runClaimed(call.actor.clientId, key, work);
      if (Date.now() > deadline) {
        throw codedError('IDEMPOTENCY_IN_PROGRESS', 'A request with this idempotencyKey is still being processed; retry later.');
      }
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    }
  }

  private async runClaimed<T>(clientId: string, key: string, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      // Stored as JSON: a retry returns plain data of the same shape (dates as ISO strings).
      await this.records.complete(clientId, key, result);
      return result;
    } catch (error) {
      await this.records.release(clientId, key);
      throw error;
    }
  }
}
