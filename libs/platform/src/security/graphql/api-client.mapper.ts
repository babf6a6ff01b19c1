import { toGlobalId } from '../../graphql/global-id';
import type { ApiClientState } from '../domain/api-client.decider';
import type { ApiClientRecord } from '../read-models/api-clients.read.service';
import { ApiClientRoleEnum, ApiClientStatusEnum, ApiClientType } from './api-client.type';

export function apiClientFromRecord(record: ApiClientRecord): ApiClientType {
  return Object.assign(new ApiClientType(), {
    id: toGlobalId('ApiClient', record.clientId),
    clientId: record.clientId,
    name: record.name,
    role: ApiClientRoleEnum[record.role],
    provinceCodes: [...record.provinceCodes],
    status: ApiClientStatusEnum[record.status],
    registeredOperationsOnly: record.registeredOperationsOnly,
  });
}

/** The payload's client straight from the decided state: authoritative even if the projector lags. */
export function apiClientFromState(clientId: string, state: ApiClientState): ApiClientType | null {
  if (state.status === 'absent') return null;
  return Object.assign(new ApiClientType(), {
    id: toGlobalId('ApiClient', clientId),
    clientId,
    name: state.name,
    role: ApiClientRoleEnum[state.role],
    provinceCodes: [...state.provinceCodes],
    status: state.status === 'active' ? ApiClientStatusEnum.ACTIVE : ApiClientStatusEnum.REVOKED,
    registeredOperationsOnly: state.registeredOperationsOnly,
  });
}
