import type { DomainError, IdGenerator } from '@cdtt/event-sourcing';
import { ProvinceScope, userErrorsOf, type ProjectionWaiter, type RequestActor, type UserErrorType } from '@cdtt/platform';
import type { Caller } from '../application/command-execution';
import { REPORTING_PROJECTION } from '../read-models/reporting.projection';

/** Domain fields are input fields: the path starts at `input`, as in the other contexts. */
export function inputErrors(error: DomainError): UserErrorType[] {
  return userErrorsOf(error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
}

/** What every reporting mutation shares: the caller for event metadata and read-your-writes. */
export class ReportingMutationSupport {
  constructor(
    private readonly waiter: ProjectionWaiter,
    private readonly ids: IdGenerator,
  ) {}

  /** Throws a top-level FORBIDDEN for a role that never writes (an auditor), before any claim or write. */
  caller(actor: RequestActor, expectedVersion?: number | null): Caller {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return { actor: { clientId: actor.clientId, role: actor.role }, scope, correlationId: this.ids.next(), expectedVersion: expectedVersion ?? null };
  }

  /** Waits until `reporting_v1` holds the change, so the payload reads it back. */
  async caughtUp(position: string | null): Promise<void> {
    if (position !== null) await this.waiter.waitFor([REPORTING_PROJECTION], position);
  }
}
