import type { ApiClientRole } from '../domain/api-client.decider';
import { queryRows, type SqlExecutor } from '../../projections/sql-executor';

export interface ApiClientRecord {
  readonly clientId: string;
  readonly name: string;
  readonly role: ApiClientRole;
  readonly provinceCodes: readonly string[];
  readonly status: 'ACTIVE' | 'REVOKED';
  readonly registeredAt: Date;
  readonly registeredBy: string;
  readonly secretRotatedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly registeredOperationsOnly: boolean;
  readonly version: number;
}

interface Row {
  client_id: string;
  name: string;
  role: ApiClientRole;
  province_codes: string[];
  status: 'ACTIVE' | 'REVOKED';
  registered_at: Date;
  registered_by: string;
  secret_rotated_at: Date | null;
  revoked_at: Date | null;
  registered_operations_only: boolean;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `api_clients_v1`. */
export class ApiClientsReadService {
  constructor(private readonly db: SqlExecutor) {}

  async find(clientId: string): Promise<ApiClientRecord | null> {
    // A malformed id would make PostgreSQL raise on the uuid cast: it simply matches nothing.
    if (!UUID.test(clientId)) return null;
    const [row] = await queryRows<Row>(this.db, 'SELECT * FROM api_clients_v1 WHERE client_id = $1', [clientId]);
    return row ? recordOf(row) : null;
  }

  /** The document registered for the client under this hash, or null. */
  async registeredDocument(clientId: string, sha256Hash: string): Promise<string | null> {
    if (!UUID.test(clientId)) return null;
    const [row] = await queryRows<{ document: string }>(this.db, 'SELECT document FROM api_client_operations_v1 WHERE client_id = $1 AND sha256_hash = $2', [clientId, sha256Hash]);
    return row?.document ?? null;
  }
}

function recordOf(row: Row): ApiClientRecord {
  return {
    clientId: row.client_id,
    name: row.name,
    role: row.role,
    provinceCodes: row.province_codes,
    status: row.status,
    registeredAt: new Date(row.registered_at),
    registeredBy: row.registered_by,
    secretRotatedAt: row.secret_rotated_at ? new Date(row.secret_rotated_at) : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
    registeredOperationsOnly: row.registered_operations_only,
    version: row.version,
  };
}
