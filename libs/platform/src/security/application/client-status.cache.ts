import type { Clock, EventStore } from '@cdtt/event-sourcing';
import { apiClientStream } from '../domain/api-client.decider';
import type { ApiClientsReadService } from '../read-models/api-clients.read.service';

/** What a request needs to know about the client behind a valid token. */
export interface ClientStatus {
  readonly active: boolean;
  /** When the secret last changed: tokens issued before it are refused (a rotation is a compromise response). */
  readonly secretRotatedAt: Date | null;
}

/** A revocation reaches every API instance within this time. */
export const CLIENT_STATUS_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * Revocation check for each request: `api_clients_v1`, cached briefly per instance. A client the
 * projection does not know yet (just registered, projector behind) is read from its stream, so a
 * fresh client is never refused and an unknown one never accepted.
 */
export class ClientStatusCache {
  private readonly entries = new Map<string, { status: ClientStatus | null; expiresAt: number }>();

  constructor(
    private readonly clients: ApiClientsReadService,
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
    const record = await this.clients.find(clientId);
    if (record) return { active: record.status === 'ACTIVE', secretRotatedAt: record.secretRotatedAt };
    const events = await this.store.readStream(apiClientStream(clientId));
    if (!events.some((e) => e.type === 'ApiClientRegistered')) return null;
    const rotations = events.filter((e) => e.type === 'ApiClientSecretRotated');
    const lastRotation = rotations.at(-1);
    return { active: !events.some((e) => e.type === 'ApiClientRevoked'), secretRotatedAt: lastRotation ? new Date(lastRotation.recordedAt) : null };
  }
}
