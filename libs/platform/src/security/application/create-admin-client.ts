import { systemClock, uuidv7Generator } from '@cdtt/event-sourcing';
import type { RequestActor } from '../../graphql/request-actor';
import type { Runtime } from '../../runtime/runtime';
import { ApiClientCommands } from './api-client-commands.service';

/** The actor recorded when an operator mints an admin client from the command line. */
export const CLI_ACTOR: RequestActor = { clientId: 'cli', role: 'ADMIN', provinceCodes: [] };

/** `create-admin-client <name>`: prints the client id and its secret, once; the secret is not kept. */
export async function createAdminClient(runtime: Runtime, args: readonly string[], out: (line: string) => void): Promise<number> {
  const name = args.join(' ').trim().normalize('NFC');
  if (!name) {
    out('usage: create-admin-client <name>');
    return 2;
  }
  const commands = new ApiClientCommands(runtime.eventStore, systemClock, uuidv7Generator);
  const result = await commands.register({ name, role: 'ADMIN', provinceCodes: [] }, CLI_ACTOR);
  if (!result.outcome.ok || result.secret === null) {
    out(`refused: ${result.outcome.ok ? 'no secret issued' : `${result.outcome.error.code}: ${result.outcome.error.message}`}`);
    return 1;
  }
  out(`client_id:     ${result.clientId}`);
  out(`client_secret: ${result.secret}`);
  out('Store the secret now: it is shown only this once (rotateApiClientSecret issues a new one).');
  return 0;
}
