import { DomainError, type Decider, type DomainEvent } from '@cdtt/event-sourcing';

// One file on purpose: the boundary rule forbids a domain/ folder under libs/platform from importing
// anything under libs/platform, its own siblings included, so events, commands and decider live together.

/** What a client may do: PORTAL (its provinces), AUDITOR (read everything), ADMIN (operate). */
export type ApiClientRole = 'PORTAL' | 'AUDITOR' | 'ADMIN';
export const API_CLIENT_ROLES: readonly ApiClientRole[] = ['PORTAL', 'AUDITOR', 'ADMIN'];

/**
 * A client secret as stored: scrypt with a per-client salt and the parameters used, so the cost can
 * be raised later without losing the ability to verify older hashes. Never the secret itself.
 */
export interface SecretHash {
  readonly algorithm: 'scrypt';
  readonly salt: string;
  readonly hash: string;
  readonly params: { readonly N: number; readonly r: number; readonly p: number; readonly keyLength: number };
}

export type ApiClientRegistered = DomainEvent<
  'ApiClientRegistered',
  { readonly name: string; readonly role: ApiClientRole; readonly provinceCodes: readonly string[]; readonly secretHash: SecretHash }
>;
export type ApiClientSecretRotated = DomainEvent<'ApiClientSecretRotated', { readonly secretHash: SecretHash }>;
export type ApiClientRevoked = DomainEvent<'ApiClientRevoked', { readonly reason: string | null }>;
/** From now on the client may (true) only run operation documents registered for it, or (false) any document. */
export type ApiClientOperationPolicyChanged = DomainEvent<'ApiClientOperationPolicyChanged', { readonly registeredOperationsOnly: boolean }>;
/** A GraphQL document the client may run, known by the SHA-256 (hex) of its exact text. */
export type ApiClientOperationRegistered = DomainEvent<'ApiClientOperationRegistered', { readonly sha256Hash: string; readonly document: string }>;

export type ApiClientEvent = ApiClientRegistered | ApiClientSecretRotated | ApiClientRevoked | ApiClientOperationPolicyChanged | ApiClientOperationRegistered;

export const API_CLIENT_EVENT_TYPES = [
  'ApiClientRegistered',
  'ApiClientSecretRotated',
  'ApiClientRevoked',
  'ApiClientOperationPolicyChanged',
  'ApiClientOperationRegistered',
] as const;

/** Stream of one client: `apiclient-<uuid>`; the uuid is also the OAuth `client_id`. */
export function apiClientStream(clientId: string): string {
  return `apiclient-${clientId}`;
}

// Commands

export interface RegisterApiClient {
  readonly kind: 'RegisterApiClient';
  readonly name: string;
  readonly role: ApiClientRole;
  readonly provinceCodes: readonly string[];
  readonly secretHash: SecretHash;
}

export interface RotateApiClientSecret {
  readonly kind: 'RotateApiClientSecret';
  readonly secretHash: SecretHash;
}

export interface RevokeApiClient {
  readonly kind: 'RevokeApiClient';
  readonly reason: string | null;
}

export interface SetApiClientOperationPolicy {
  readonly kind: 'SetApiClientOperationPolicy';
  readonly registeredOperationsOnly: boolean;
}

/** The hash is computed by the caller from `document` (hashing is not the domain's business). */
export interface RegisterApiClientOperation {
  readonly kind: 'RegisterApiClientOperation';
  readonly sha256Hash: string;
  readonly document: string;
}

export type ApiClientCommand = RegisterApiClient | RotateApiClientSecret | RevokeApiClient | SetApiClientOperationPolicy | RegisterApiClientOperation;

export type ApiClientState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'active' | 'revoked';
      readonly name: string;
      readonly role: ApiClientRole;
      readonly provinceCodes: readonly string[];
      readonly secretHash: SecretHash;
      readonly registeredOperationsOnly: boolean;
      /** Hashes of the registered documents (a second registration of one changes nothing). */
      readonly operationHashes: readonly string[];
    };

/** Province codes as in the national list of administrative units: two digits (`01` Hà Nội). */
const PROVINCE_CODE = /^\d{2}$/;
const MAX_NAME_LENGTH = 100;

/**
 * An API client's life: registered (with a hashed secret), its secret rotated any number of times,
 * revoked once for good. A revoked client cannot come back: register a new one (a fresh audit trail).
 */
export const apiClientDecider: Decider<ApiClientCommand, ApiClientState, ApiClientEvent> = {
  initialState: { status: 'absent' },

  decide(command, state) {
    switch (command.kind) {
      case 'RegisterApiClient': {
        if (state.status !== 'absent') return new DomainError('API_CLIENT_ALREADY_REGISTERED', 'This client id is already registered.', ['input', 'clientId']);
        const problem = registrationProblem(command);
        if (problem) return problem;
        const { name, role, provinceCodes, secretHash } = command;
        return [{ type: 'ApiClientRegistered', data: { name: name.trim(), role, provinceCodes: [...new Set(provinceCodes)].sort(), secretHash } }];
      }
      case 'RotateApiClientSecret':
        if (state.status === 'absent') return notFound();
        if (state.status === 'revoked') return revoked();
        return [{ type: 'ApiClientSecretRotated', data: { secretHash: command.secretHash } }];
      case 'RevokeApiClient':
        if (state.status === 'absent') return notFound();
        // Revoking twice changes nothing: the retry of a lost response must not fail.
        if (state.status === 'revoked') return [];
        return [{ type: 'ApiClientRevoked', data: { reason: command.reason } }];
      case 'SetApiClientOperationPolicy':
        if (state.status === 'absent') return notFound();
        if (state.status === 'revoked') return revoked();
        // Setting what is already in force records nothing (a retry, or a second admin doing the same).
        if (state.registeredOperationsOnly === command.registeredOperationsOnly) return [];
        return [{ type: 'ApiClientOperationPolicyChanged', data: { registeredOperationsOnly: command.registeredOperationsOnly } }];
      case 'RegisterApiClientOperation':
        if (state.status === 'absent') return notFound();
        if (state.status === 'revoked') return revoked();
        if (state.operationHashes.includes(command.sha256Hash)) return [];
        return [{ type: 'ApiClientOperationRegistered', data: { sha256Hash: command.sha256Hash, document: command.document } }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ApiClientRegistered':
        return { status: 'active', ...event.data, registeredOperationsOnly: false, operationHashes: [] };
      case 'ApiClientSecretRotated':
        return state.status === 'absent' ? state : { ...state, secretHash: event.data.secretHash };
      case 'ApiClientRevoked':
        return state.status === 'absent' ? state : { ...state, status: 'revoked' };
      case 'ApiClientOperationPolicyChanged':
        return state.status === 'absent' ? state : { ...state, registeredOperationsOnly: event.data.registeredOperationsOnly };
      case 'ApiClientOperationRegistered':
        return state.status === 'absent' ? state : { ...state, operationHashes: [...state.operationHashes, event.data.sha256Hash] };
    }
  },
};

function registrationProblem(command: RegisterApiClient): DomainError | null {
  const name = command.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return new DomainError('API_CLIENT_NAME_INVALID', `A client name has 1 to ${MAX_NAME_LENGTH} characters.`, ['input', 'name']);
  }
  if (command.provinceCodes.some((code) => !PROVINCE_CODE.test(code))) {
    return new DomainError('PROVINCE_CODE_INVALID', 'Province codes are two digits, e.g. "01".', ['input', 'provinceCodes']);
  }
  // Only a portal is scoped to provinces; auditors and admins see the whole country.
  if (command.role === 'PORTAL' && command.provinceCodes.length === 0) {
    return new DomainError('PROVINCES_REQUIRED', 'A PORTAL client needs at least one province.', ['input', 'provinceCodes']);
  }
  if (command.role !== 'PORTAL' && command.provinceCodes.length > 0) {
    return new DomainError('PROVINCES_NOT_ALLOWED', `A ${command.role} client is not scoped to provinces.`, ['input', 'provinceCodes']);
  }
  return null;
}

function notFound(): DomainError {
  return new DomainError('API_CLIENT_NOT_FOUND', 'No API client has this id.', ['input', 'clientId']);
}

function revoked(): DomainError {
  return new DomainError('API_CLIENT_REVOKED', 'This API client is revoked; register a new one.', ['input', 'clientId']);
}
