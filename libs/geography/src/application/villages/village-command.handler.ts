import {
  DomainError,
  handleCommand,
  isUuid,
  WrongExpectedVersionError,
  type Actor,
  type EventMetadata,
  type EventStore,
  type IdGenerator,
} from '@cdtt/event-sourcing';
import { effectiveAtOf, isLocalDate, type ProvinceScope } from '@cdtt/platform';
import type { RegisterVillage, VillageCommand } from '../../domain/village.commands';
import { villageDecider } from '../../domain/village.decider';
import { VillageErrors } from '../../domain/village.errors';
import { villageStreamName } from '../../domain/village.events';
import type { GeographyReadService } from '../../read-models/geography-read.service';

export type VillageOutcome =
  | { readonly ok: true; readonly villageId: string; readonly revision: number | null; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

export type RegisterVillageInput = Omit<RegisterVillage, 'type' | 'villageId' | 'lookups'>;

/**
 * Village commands: look up what the decider needs from read models, then read → decide →
 * append. A wrong `expectedVersion` is a VERSION_CONFLICT rejection, not a fault. The caller's
 * scope decides in the lookups: a commune outside it is "not in force" and a village outside it
 * is "not found", exactly as unknown ones (no existence leak); an auditor is FORBIDDEN.
 */
export class VillageCommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly reads: GeographyReadService,
    private readonly ids: IdGenerator,
  ) {}

  async register(input: RegisterVillageInput, actor: Actor, scope: ProvinceScope): Promise<VillageOutcome> {
    scope.assertCanWrite();
    const villageId = this.ids.next();
    const datesOk = isLocalDate(input.registeredOn);
    const commune = datesOk ? await this.reads.findUnit('COMMUNE', input.communeCode, input.registeredOn) : null;
    const lookups = {
      communeInForce: commune !== null && scope.canSee(commune.provinceCode),
      nameTaken: await this.reads.isVillageNameTaken(input.communeCode, input.name, null),
    };
    return this.execute({ ...input, type: 'RegisterVillage', villageId, lookups }, input.registeredOn, actor, undefined);
  }

  async rename(villageId: string, name: string, renamedOn: string, actor: Actor, scope: ProvinceScope, expectedRevision?: number): Promise<VillageOutcome> {
    scope.assertCanWrite();
    if (!isUuid(villageId)) return { ok: false, error: VillageErrors.notFound() };
    const [current] = await this.reads.findVillages([villageId], scope);
    if (!current && scope.restricted) return { ok: false, error: VillageErrors.notFound() };
    const nameTaken = current ? await this.reads.isVillageNameTaken(current.communeCode, name, villageId) : false;
    return this.execute({ type: 'RenameVillage', villageId, name, renamedOn, lookups: { nameTaken } }, renamedOn, actor, expectedRevision);
  }

  async retire(villageId: string, retiredOn: string, reason: string | null, actor: Actor, scope: ProvinceScope, expectedRevision?: number): Promise<VillageOutcome> {
    scope.assertCanWrite();
    if (!isUuid(villageId)) return { ok: false, error: VillageErrors.notFound() };
    if (scope.restricted && (await this.reads.findVillages([villageId], scope)).length === 0) return { ok: false, error: VillageErrors.notFound() };
    return this.execute({ type: 'RetireVillage', villageId, retiredOn, reason }, retiredOn, actor, expectedRevision);
  }

  private async execute(command: VillageCommand, date: string, actor: Actor, expectedRevision: number | undefined): Promise<VillageOutcome> {
    // An invalid date never reaches the store: the decider rejects it first.
    const metadata: EventMetadata = {
      correlationId: this.ids.next(),
      causationId: null,
      actor: { clientId: actor.clientId, role: actor.role },
      effectiveAt: isLocalDate(date) ? effectiveAtOf(date) : '',
    };
    try {
      const outcome = await handleCommand(this.store, villageDecider, villageStreamName(command.villageId), command, {
        ids: this.ids,
        metadata,
        expectedRevision,
      });
      if (!outcome.ok) return outcome;
      return { ok: true, villageId: command.villageId, revision: outcome.revision, position: outcome.events.at(-1)?.position ?? null };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actual === null ? 'no village' : `version ${error.actual}`;
      return { ok: false, error: new DomainError('VERSION_CONFLICT', `The village changed: expected version ${String(error.expected)}, it is at ${actual}`, ['expectedVersion']) };
    }
  }
}
