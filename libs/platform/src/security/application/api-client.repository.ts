import { fold, type EventStore } from '@cdtt/event-sourcing';
import { apiClientDecider, apiClientStream, type ApiClientEvent, type ApiClientState } from '../domain/api-client.decider';

/**
 * The write-side state of one client, folded from its stream. The token endpoint decides on this
 * (not on the projection) so a rotation or revocation counts at once, whatever the projector's lag.
 */
export async function loadApiClient(store: EventStore, clientId: string): Promise<ApiClientState> {
  const events = await store.readStream(apiClientStream(clientId));
  return fold(apiClientDecider, events as unknown as ApiClientEvent[]);
}
