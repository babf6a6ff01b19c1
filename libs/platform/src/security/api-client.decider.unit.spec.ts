import { DomainError, fold } from '@cdtt/event-sourcing';
import { apiClientDecider, type ApiClientCommand, type ApiClientEvent, type SecretHash } from './domain/api-client.decider';

// Beside domain/ rather than in it: the boundary rule keeps domain/ folders of libs/platform from importing libs/platform.
const hash = (label: string): SecretHash => ({ algorithm: 'scrypt', salt: `salt-${label}`, hash: `hash-${label}`, params: { N: 16_384, r: 8, p: 1, keyLength: 32 } });
const registered: ApiClientEvent = { type: 'ApiClientRegistered', data: { name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10'], secretHash: hash('a') } };
const register = (overrides: Partial<Extract<ApiClientCommand, { kind: 'RegisterApiClient' }>> = {}): ApiClientCommand => ({
  kind: 'RegisterApiClient',
  name: 'Cổng Lào Cai',
  role: 'PORTAL',
  provinceCodes: ['10'],
  secretHash: hash('a'),
  ...overrides,
});

/** given events, when command, then events (or a rejection). */
function when(given: ApiClientEvent[], command: ApiClientCommand): readonly ApiClientEvent[] | DomainError {
  return apiClientDecider.decide(command, fold(apiClientDecider, given));
}
const codeOf = (outcome: readonly ApiClientEvent[] | DomainError): string | null => (outcome instanceof DomainError ? outcome.code : null);

describe('API client decider', () => {
  it('registers a portal with its provinces, sorted and without duplicates', () => {
    expect(when([], register({ provinceCodes: ['79', '10', '79'], name: '  Cổng Lào Cai ' }))).toEqual([
      { type: 'ApiClientRegistered', data: { name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10', '79'], secretHash: hash('a') } },
    ]);
  });

  it('registers an auditor or admin without provinces', () => {
    expect(when([], register({ role: 'AUDITOR', provinceCodes: [] }))).toHaveLength(1);
    expect(when([], register({ role: 'ADMIN', provinceCodes: [] }))).toHaveLength(1);
  });

  it('refuses a second registration of the same id', () => {
    expect(codeOf(when([registered], register()))).toBe('API_CLIENT_ALREADY_REGISTERED');
  });

  it('scopes provinces to portals only, as two-digit codes', () => {
    expect(codeOf(when([], register({ provinceCodes: [] })))).toBe('PROVINCES_REQUIRED');
    expect(codeOf(when([], register({ role: 'AUDITOR', provinceCodes: ['01'] })))).toBe('PROVINCES_NOT_ALLOWED');
    expect(codeOf(when([], register({ provinceCodes: ['1'] })))).toBe('PROVINCE_CODE_INVALID');
  });

  it('refuses an empty or overlong name', () => {
    expect(codeOf(when([], register({ name: '   ' })))).toBe('API_CLIENT_NAME_INVALID');
    expect(codeOf(when([], register({ name: 'x'.repeat(101) })))).toBe('API_CLIENT_NAME_INVALID');
  });

  it('rotates the secret of an active client and keeps the new hash', () => {
    const rotated = when([registered], { kind: 'RotateApiClientSecret', secretHash: hash('b') });
    expect(rotated).toEqual([{ type: 'ApiClientSecretRotated', data: { secretHash: hash('b') } }]);
    const state = fold(apiClientDecider, [registered, ...(rotated as ApiClientEvent[])]);
    expect(state).toMatchObject({ status: 'active', secretHash: hash('b') });
  });

  it('refuses to rotate or revoke an unknown client, and to rotate a revoked one', () => {
    expect(codeOf(when([], { kind: 'RotateApiClientSecret', secretHash: hash('b') }))).toBe('API_CLIENT_NOT_FOUND');
    expect(codeOf(when([], { kind: 'RevokeApiClient', reason: null }))).toBe('API_CLIENT_NOT_FOUND');
    const revoked: ApiClientEvent = { type: 'ApiClientRevoked', data: { reason: 'leaked' } };
    expect(codeOf(when([registered, revoked], { kind: 'RotateApiClientSecret', secretHash: hash('b') }))).toBe('API_CLIENT_REVOKED');
  });

  it('revokes once; revoking again changes nothing', () => {
    const revoked = when([registered], { kind: 'RevokeApiClient', reason: 'leaked' });
    expect(revoked).toEqual([{ type: 'ApiClientRevoked', data: { reason: 'leaked' } }]);
    expect(when([registered, ...(revoked as ApiClientEvent[])], { kind: 'RevokeApiClient', reason: null })).toEqual([]);
    expect(fold(apiClientDecider, [registered, ...(revoked as ApiClientEvent[])])).toMatchObject({ status: 'revoked' });
  });

  it('restricts a client to registered operations and back, recording only real changes', () => {
    const only = when([registered], { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly: true });
    expect(only).toEqual([{ type: 'ApiClientOperationPolicyChanged', data: { registeredOperationsOnly: true } }]);
    const restricted = [registered, ...(only as ApiClientEvent[])];
    expect(fold(apiClientDecider, restricted)).toMatchObject({ registeredOperationsOnly: true });
    expect(when(restricted, { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly: true })).toEqual([]);
    expect(when([registered], { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly: false })).toEqual([]);
    expect(when(restricted, { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly: false })).toHaveLength(1);
  });

  it('registers an operation document once per hash', () => {
    const command: ApiClientCommand = { kind: 'RegisterApiClientOperation', sha256Hash: 'a'.repeat(64), document: '{ health { status } }' };
    const registeredOp = when([registered], command);
    expect(registeredOp).toEqual([{ type: 'ApiClientOperationRegistered', data: { sha256Hash: 'a'.repeat(64), document: '{ health { status } }' } }]);
    expect(when([registered, ...(registeredOp as ApiClientEvent[])], command)).toEqual([]);
    expect(when([registered, ...(registeredOp as ApiClientEvent[])], { ...command, sha256Hash: 'b'.repeat(64) })).toHaveLength(1);
  });

  it('refuses operation changes for unknown and revoked clients', () => {
    const revoked: ApiClientEvent = { type: 'ApiClientRevoked', data: { reason: null } };
    const policy: ApiClientCommand = { kind: 'SetApiClientOperationPolicy', registeredOperationsOnly: true };
    const operation: ApiClientCommand = { kind: 'RegisterApiClientOperation', sha256Hash: 'c'.repeat(64), document: '{ health { status } }' };
    expect(codeOf(when([], policy))).toBe('API_CLIENT_NOT_FOUND');
    expect(codeOf(when([], operation))).toBe('API_CLIENT_NOT_FOUND');
    expect(codeOf(when([registered, revoked], policy))).toBe('API_CLIENT_REVOKED');
    expect(codeOf(when([registered, revoked], operation))).toBe('API_CLIENT_REVOKED');
  });
});
