import { queueSql } from '../../projections/write-queue';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { PostgresProjection } from '../../projections/postgres-projection';
import { API_CLIENT_EVENT_TYPES, type ApiClientEvent } from '../domain/api-client.decider';

const STREAM_PREFIX = 'apiclient-';

/**
 * `api_clients_v1`: one row per API client for admins and for the per-request revocation check.
 * Secret hashes stay in the events; this table never holds one. Registered operation documents go
 * to `api_client_operations_v1`, read on each request of a client restricted to them.
 */
export const apiClientsProjection: PostgresProjection = {
  name: 'api_clients_v1',
  eventTypes: [...API_CLIENT_EVENT_TYPES],
  async apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!recorded.streamName.startsWith(STREAM_PREFIX)) return;
    const clientId = recorded.streamName.slice(STREAM_PREFIX.length);
    const event = recorded as unknown as RecordedEvent & ApiClientEvent;
    switch (event.type) {
      case 'ApiClientRegistered':
        await queueSql(manager, 
          `INSERT INTO api_clients_v1 (client_id, name, role, province_codes, status, registered_at, registered_by, version)
           VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, $7)
           ON CONFLICT (client_id) DO NOTHING`,
          [clientId, event.data.name, event.data.role, event.data.provinceCodes, recorded.recordedAt, recorded.metadata.actor.clientId, recorded.revision],
        );
        return;
      case 'ApiClientSecretRotated':
        await queueSql(manager, 'UPDATE api_clients_v1 SET secret_rotated_at = $2, version = $3 WHERE client_id = $1', [clientId, recorded.recordedAt, recorded.revision]);
        return;
      case 'ApiClientRevoked':
        await queueSql(manager, `UPDATE api_clients_v1 SET status = 'REVOKED', revoked_at = $2, version = $3 WHERE client_id = $1`, [clientId, recorded.recordedAt, recorded.revision]);
        return;
      case 'ApiClientOperationPolicyChanged':
        await queueSql(manager, 'UPDATE api_clients_v1 SET registered_operations_only = $2, version = $3 WHERE client_id = $1', [clientId, event.data.registeredOperationsOnly, recorded.revision]);
        return;
      case 'ApiClientOperationRegistered':
        await queueSql(manager, 
          `INSERT INTO api_client_operations_v1 (client_id, sha256_hash, document, registered_at, registered_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (client_id, sha256_hash) DO NOTHING`,
          [clientId, event.data.sha256Hash, event.data.document, recorded.recordedAt, recorded.metadata.actor.clientId],
        );
        await queueSql(manager, 'UPDATE api_clients_v1 SET version = $2 WHERE client_id = $1', [clientId, recorded.revision]);
        return;
    }
  },
};
