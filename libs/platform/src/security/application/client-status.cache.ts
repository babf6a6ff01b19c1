import type { Clock, EventStore } from '@cdtt/event-sourcing';
import { apiClientStream } from '../domain/api-client.decider';

/** What a request needs to know about the client behind a valid token. */
export interface ClientStatus {
  readonly active: boolean;
  /** When the secret last changed: tokens issued before it are refused (a rotation is a compromise response). */
  readonly secretRotatedAt: Date | null;
  /** The client may run only documents registered for it (set by an admin, off by default). */
  readonly registeredOperationsOnly: boolean;
}

/** A revocation reaches every API instance within this time. */
export const CLIENT_STATUS_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The client behind each request, cached briefly per instance. Read from the client's stream (the
 * write model, a handful of events), not from `api_clients_v1`: a revocation or a restriction to
 * registered operations must not wait for the projector, and a fresh client is never refused.
 */
export class ClientStatusCache {
  private readonly entries = new Map<string, { status: ClientStatus | null; expiresAt: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async statusOf(clientId: string): Promise<ClientStatus | null> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(clientId);
    if (cached && cached.expiresAt > now) return cached.status;
    const status = await this.load(clientId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(clientId, { status, expiresAt: now + CLIENT_STATUS_TTL_MS });
    return status;
  }

  /** Forget a client at once on this instance (after a revocation or rotation made here). */
  invalidate(clientId: string): void {
    this.entries.delete(clientId);
  }

  private async load(clientId: string): Promise<ClientStatus | null> {
    const events = await this.store.readStream(apiClientStream(clientId));
    if (!events.some((e) => e.type === 'ApiClientRegistered')) return null;
    const rotations = events.filter((e) => e.type === 'ApiClientSecretRotated');
    const lastRotation = rotations.at(-1);
    const lastPolicy = events.filter((e) => e.type === 'ApiClientOperationPolicyChanged').at(-1);
    return {
      active: !events.some((e) => e.type === 'ApiClientRevoked'),
      secretRotatedAt: lastRotation ? new Date(lastRotation.recordedAt) : null,
      registeredOperationsOnly: (lastPolicy?.data as { registeredOperationsOnly?: unknown } | undefined)?.registeredOperationsOnly === true,
    };
  }
}
