import type { Clock, DomainError, IdGenerator } from '@cdtt/event-sourcing';
import { fromGlobalId, localDateOf, ProvinceScope, userErrorsOf, type ProjectionWaiter, type RequestActor, type UserErrorType } from '@cdtt/platform';
import type { Caller, CommandResult } from '../application/command-execution';
import { FIELDWORK_PROJECTION } from '../read-models/fieldwork.projection';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type GlobalTypeName = 'Team' | 'Person' | 'Village' | 'Training' | 'Activity' | 'Meeting';

/** The local uuid of a global id of `typeName`, or null when it is not one. */
export function localIdOf(globalId: string, typeName: GlobalTypeName): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === typeName && UUID.test(parsed.localId) ? parsed.localId : null;
}

/**
 * Global ids of persons to local ids. An id that is not a Person id stays as given: it then reads
 * as an unknown person (or a non-member) to the decider, with that rule's code.
 */
export const personIdsOf = (ids: readonly string[]): string[] => ids.map((id) => localIdOf(id, 'Person') ?? id);

/** Domain fields are input fields: the path starts at `input`, as in the other contexts. */
export function inputErrors(error: DomainError): UserErrorType[] {
  return userErrorsOf(error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
}

/** What every field-work mutation shares: the caller (with today), and read-your-writes payloads. */
export class FieldworkMutationSupport {
  constructor(
    private readonly waiter: ProjectionWaiter,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Throws a top-level FORBIDDEN for a role that never writes (an auditor), before any claim or write. */
  caller(actor: RequestActor, expectedVersion?: number | null): Caller {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return {
      actor: { clientId: actor.clientId, role: actor.role },
      scope,
      correlationId: this.ids.next(),
      expectedVersion: expectedVersion ?? null,
      today: localDateOf(this.clock.now()),
    };
  }

  /**
   * Waits for `fieldwork_v1` to hold the change, then reads the record back (unrestricted: the
   * command already checked the caller's scope) for the payload.
   */
  async payload<P extends object>(type: new () => P, key: keyof P, result: CommandResult, read: (id: string) => Promise<unknown>): Promise<P> {
    if (!result.ok) return Object.assign(new type(), { [key]: null, version: null, userErrors: inputErrors(result.error) });
    if (result.position !== null) await this.waiter.waitFor([FIELDWORK_PROJECTION], result.position);
    return Object.assign(new type(), { [key]: await read(result.id), version: result.version, userErrors: [] });
  }
}
