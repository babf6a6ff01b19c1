import { DomainError, isUuid, WrongExpectedVersionError, type Actor, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { effectiveAtOf, isLocalDate, type ProvinceScope } from '@cdtt/platform';
import type { VillageKind } from '../../domain/village-kind';
import type { VillageCommand } from '../../domain/village.commands';
import { villageDecider, type VillageState } from '../../domain/village.decider';
import { VillageErrors } from '../../domain/village.errors';
import { villageStreamName, type VillageEvent } from '../../domain/village.events';
import type { GeographyReadService } from '../../read-models/geography-read.service';

export interface NewVillage {
  readonly name: string;
  readonly kind: VillageKind;
  readonly households: number | null;
}

export type RearrangementOutcome =
  | { readonly ok: true; readonly villageIds: readonly string[]; readonly position: string | null }
  | { readonly ok: false; readonly error: DomainError };

interface Planned {
  readonly villageId: string;
  readonly revision: number | null;
  readonly events: readonly VillageEvent[];
}

/**
 * The 2026 village rearrangement: merge villages of a commune into a new one, split a village into
 * new ones, move a village to another commune. Every village involved is decided first by the
 * village decider; nothing is appended unless all are accepted. Then new villages are appended
 * (new streams) before the old ones are retired, so a reader never sees a commune lose villages
 * without their successors.
 */
export class VillageRearrangementHandler {
  constructor(
    private readonly store: EventStore,
    private readonly reads: GeographyReadService,
    private readonly ids: IdGenerator,
  ) {}

  async merge(villageIds: readonly string[], into: NewVillage, mergedOn: string, decisionRef: string, actor: Actor, scope: ProvinceScope): Promise<RearrangementOutcome> {
    scope.assertCanWrite();
    if (villageIds.length < 2) return { ok: false, error: VillageErrors.mergeNeedsTwo() };
    if (new Set(villageIds).size !== villageIds.length) return { ok: false, error: VillageErrors.listedTwice() };
    const loaded = await this.loadAll(villageIds, scope);
    if (loaded instanceof DomainError) return { ok: false, error: loaded };
    const communes = new Set(loaded.map((v) => (v.state.status === 'NONE' ? '' : v.state.communeCode)));
    if (communes.size !== 1) return { ok: false, error: VillageErrors.differentCommunes() };
    const [communeCode] = [...communes] as [string];
    const newId = this.ids.next();
    const plans = await this.plan(communeCode, [{ id: newId, village: into }], loaded, mergedOn, `merged into ${newId} (${decisionRef})`, villageIds);
    return plans instanceof DomainError ? { ok: false, error: plans } : this.append(plans, mergedOn, actor, [newId]);
  }

  async split(villageId: string, parts: readonly NewVillage[], splitOn: string, decisionRef: string, actor: Actor, scope: ProvinceScope): Promise<RearrangementOutcome> {
    scope.assertCanWrite();
    if (parts.length < 2) return { ok: false, error: VillageErrors.splitNeedsTwo() };
    const loaded = await this.loadAll([villageId], scope);
    if (loaded instanceof DomainError) return { ok: false, error: loaded };
    const [old] = loaded as [{ id: string; state: VillageState; revision: number | null }];
    if (old.state.status !== 'ACTIVE') return { ok: false, error: old.state.status === 'NONE' ? VillageErrors.notFound() : VillageErrors.retired() };
    const news = parts.map((village) => ({ id: this.ids.next(), village }));
    const plans = await this.plan(old.state.communeCode, news, loaded, splitOn, `split into ${news.map((n) => n.id).join(', ')} (${decisionRef})`, [villageId]);
    return plans instanceof DomainError ? { ok: false, error: plans } : this.append(plans, splitOn, actor, news.map((n) => n.id));
  }

  async move(villageId: string, toCommuneCode: string, movedOn: string, decisionRef: string | null, actor: Actor, scope: ProvinceScope): Promise<RearrangementOutcome> {
    scope.assertCanWrite();
    const loaded = await this.loadAll([villageId], scope);
    if (loaded instanceof DomainError) return { ok: false, error: loaded };
    const [village] = loaded as [{ id: string; state: VillageState; revision: number | null }];
    const target = isLocalDate(movedOn) ? await this.reads.findUnit('COMMUNE', toCommuneCode, movedOn) : null;
    const name = village.state.status === 'NONE' ? '' : village.state.name;
    const lookups = { communeInForce: target !== null && scope.canSee(target.provinceCode), nameTaken: await this.reads.isVillageNameTaken(toCommuneCode, name, villageId) };
    const events = villageDecider.decide({ type: 'MoveVillage', villageId, toCommuneCode, movedOn, decisionRef, lookups }, village.state);
    if (events instanceof DomainError) return { ok: false, error: events };
    return this.append([{ villageId, revision: village.revision, events }], movedOn, actor, [villageId]);
  }

  /** Registers the new villages and retires the old ones, all decided before anything is written. */
  private async plan(
    communeCode: string,
    news: ReadonlyArray<{ id: string; village: NewVillage }>,
    olds: ReadonlyArray<{ id: string; state: VillageState; revision: number | null }>,
    date: string,
    reason: string,
    leaving: readonly string[],
  ): Promise<Planned[] | DomainError> {
    const plans: Planned[] = [];
    const names = new Set<string>();
    const communeInForce = isLocalDate(date) && (await this.reads.findUnit('COMMUNE', communeCode, date)) !== null;
    for (const { id, village } of news) {
      // A new village may take the name of one it replaces; not of another active one, nor of a sibling.
      const taken = names.has(village.name) || (await this.nameTakenExcept(communeCode, village.name, leaving));
      names.add(village.name);
      const command: VillageCommand = { type: 'RegisterVillage', villageId: id, communeCode, ...village, registeredOn: date, lookups: { communeInForce, nameTaken: taken } };
      const events = villageDecider.decide(command, villageDecider.initialState);
      if (events instanceof DomainError) return events;
      plans.push({ villageId: id, revision: null, events });
    }
    for (const old of olds) {
      const events = villageDecider.decide({ type: 'RetireVillage', villageId: old.id, retiredOn: date, reason }, old.state);
      if (events instanceof DomainError) return events;
      plans.push({ villageId: old.id, revision: old.revision, events });
    }
    return plans;
  }

  private async nameTakenExcept(communeCode: string, name: string, leaving: readonly string[]): Promise<boolean> {
    for (const id of [null, ...leaving]) if (!(await this.reads.isVillageNameTaken(communeCode, name, id))) return false;
    return true;
  }

  /** Unknown ids and villages outside the caller's provinces are VILLAGE_NOT_FOUND alike. */
  private async loadAll(villageIds: readonly string[], scope: ProvinceScope): Promise<Array<{ id: string; state: VillageState; revision: number | null }> | DomainError> {
    const out: Array<{ id: string; state: VillageState; revision: number | null }> = [];
    for (const id of villageIds) {
      if (!isUuid(id)) return VillageErrors.notFound();
      if (scope.restricted && (await this.reads.findVillages([id], scope)).length === 0) return VillageErrors.notFound();
      const events = await this.store.readStream(villageStreamName(id));
      const state = events.reduce((s, e) => villageDecider.evolve(s, e as unknown as VillageEvent), villageDecider.initialState);
      if (state.status === 'NONE') return VillageErrors.notFound();
      if (state.status === 'RETIRED') return VillageErrors.retired();
      out.push({ id, state, revision: events.at(-1)?.revision ?? null });
    }
    return out;
  }

  private async append(plans: readonly Planned[], date: string, actor: Actor, villageIds: readonly string[]): Promise<RearrangementOutcome> {
    const metadata = { correlationId: this.ids.next(), causationId: null, actor: { clientId: actor.clientId, role: actor.role }, effectiveAt: effectiveAtOf(date) };
    let position: string | null = null;
    try {
      for (const plan of plans) {
        const events = plan.events.map((e) => ({ id: this.ids.next(), type: e.type, schemaVersion: 1, data: e.data, metadata }));
        position = (await this.store.appendToStream(villageStreamName(plan.villageId), events, { expected: plan.revision ?? 'no_stream' })).position;
      }
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return { ok: false, error: new DomainError('VERSION_CONFLICT', 'A village changed while it was being rearranged: read again and retry', ['villageIds']) };
    }
    return { ok: true, villageIds, position };
  }
}
