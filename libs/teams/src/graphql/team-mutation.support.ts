import type { Clock, DomainError, IdGenerator } from '@cdtt/event-sourcing';
import { fromGlobalId, localDateOf, ProvinceScope, userErrorsOf, type ProjectionWaiter, type RequestActor, type UserErrorType } from '@cdtt/platform';
import type { Caller, CommandResult } from '../application/command-execution';
import type { TeamReadService } from '../read-models/team-read.service';
import { TEAMS_PROJECTION } from '../read-models/teams.projection';
import type { TeamPayload } from './team.payload';
import { TeamType } from './team.type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The local uuid of a global id of `typeName`, or null when it is not one. */
export function localIdOf(globalId: string, typeName: 'Team' | 'Person' | 'Village'): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === typeName && UUID.test(parsed.localId) ? parsed.localId : null;
}

/** Domain fields are input fields: the path starts at `input`, as in the other contexts. */
export function inputErrors(error: DomainError): UserErrorType[] {
  return userErrorsOf(error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
}

/** What every teams mutation shares: the caller for event metadata, today, and read-your-writes payloads. */
export class TeamMutationSupport {
  constructor(
    private readonly reads: TeamReadService,
    private readonly waiter: ProjectionWaiter,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Throws a top-level FORBIDDEN for a role that never writes (an auditor), before any claim or write. */
  caller(actor: RequestActor, expectedVersion?: number | null): Caller {
    const scope = ProvinceScope.of(actor);
    scope.assertCanWrite();
    return { actor: { clientId: actor.clientId, role: actor.role }, scope, correlationId: this.ids.next(), expectedVersion: expectedVersion ?? null };
  }

  today(): string {
    return localDateOf(this.clock.now());
  }

  /**
   * Waits for `teams_v1` to hold the change, then reads the team back for the payload (the command
   * already checked the caller's scope, so the read is unrestricted).
   */
  async payload<P extends TeamPayload>(type: new () => P, result: CommandResult, extra: Partial<P> = {}): Promise<P> {
    if (!result.ok) return Object.assign(new type(), { team: null, version: null, userErrors: inputErrors(result.error) }, extra);
    if (result.position !== null) await this.waiter.waitFor([TEAMS_PROJECTION], result.position);
    const row = await this.reads.findTeam(result.id, ProvinceScope.UNRESTRICTED);
    return Object.assign(new type(), { team: row ? TeamType.of(row) : null, version: result.version, userErrors: [] }, extra);
  }
}
