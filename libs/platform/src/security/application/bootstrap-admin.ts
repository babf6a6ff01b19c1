import type { EventStore } from '@cdtt/event-sourcing';
import type { RequestActor } from '../../graphql/request-actor';
import type { ApiClientCommands } from './api-client-commands.service';
import { loadApiClient } from './api-client.repository';
import { verifyClientSecret } from './client-secret';

/** The actor recorded on the bootstrap registration: the deployment's configuration, not a client. */
export const BOOTSTRAP_ACTOR: RequestActor = { clientId: 'bootstrap', role: 'ADMIN', provinceCodes: [] };

/**
 * Registers BOOTSTRAP_ADMIN_CLIENT_ID with BOOTSTRAP_ADMIN_SECRET when that client does not exist
 * yet, so a fresh deployment has one admin able to mint the others. An existing client is left
 * alone (rotations and revocations win over the environment); a mismatch is only reported.
 */
export async function ensureBootstrapAdmin(
  admin: { clientId: string; secret: string },
  store: EventStore,
  commands: ApiClientCommands,
  onWarning: (message: string) => void,
): Promise<'registered' | 'present'> {
  const state = await loadApiClient(store, admin.clientId);
  if (state.status === 'absent') {
    const result = await commands.register({ name: 'Bootstrap admin', role: 'ADMIN', provinceCodes: [] }, BOOTSTRAP_ACTOR, admin);
    // Another instance starting at the same time may have registered it first: that is fine.
    if (result.outcome.ok || result.outcome.error.code === 'API_CLIENT_ALREADY_REGISTERED') return result.outcome.ok ? 'registered' : 'present';
    throw new Error(`bootstrap admin refused: ${result.outcome.error.code}`);
  }
  if (state.status === 'revoked') onWarning(`bootstrap admin ${admin.clientId} is revoked; BOOTSTRAP_ADMIN_* no longer grants access`);
  else if (!(await verifyClientSecret(admin.secret, state.secretHash))) {
    onWarning(`BOOTSTRAP_ADMIN_SECRET does not match client ${admin.clientId} (its secret was rotated); the environment value is ignored`);
  }
  return 'present';
}
