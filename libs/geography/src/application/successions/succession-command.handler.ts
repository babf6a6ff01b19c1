import { DomainError, type Actor, type EventStore, type IdGenerator } from '@cdtt/event-sourcing';
import { effectiveAtOf } from '@cdtt/platform';
import type { SuccessionKind } from '../../domain/admin-unit.events';
import { decideRecordSuccession, decideWithdrawSuccession, type SuccessionEdge } from '../../domain/unit-succession.rules';
import type { SuccessionReadService } from '../../read-models/succession-read.service';

export type SuccessionOutcome = { readonly ok: true; readonly position: string } | { readonly ok: false; readonly error: DomainError };

/**
 * Operator-recorded successions (future reorganisations, corrections of the 2025 mapping). Each act
 * is its own `admin_successions-<uuid>` stream, so recording never contends with the import's
 * streams; the teams process manager reacts to these events exactly as to the imported ones.
 */
export class SuccessionCommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly reads: SuccessionReadService,
    private readonly ids: IdGenerator,
  ) {}

  async record(edge: SuccessionEdge & { kind: SuccessionKind; reference: string }, actor: Actor): Promise<SuccessionOutcome> {
    const facts = {
      fromKnown: await this.reads.unitKnown(edge.fromLevel, edge.fromCode),
      toInForce: await this.reads.unitInForce(edge.toLevel, edge.toCode, edge.effectiveOn),
      existingKind: await this.reads.edgeKind(edge),
    };
    const decided = decideRecordSuccession(edge, facts);
    return decided instanceof DomainError ? { ok: false, error: decided } : this.append(decided, edge.effectiveOn, actor);
  }

  async withdraw(edge: SuccessionEdge & { reason: string }, actor: Actor): Promise<SuccessionOutcome> {
    const decided = decideWithdrawSuccession(edge, { existingKind: await this.reads.edgeKind(edge) });
    return decided instanceof DomainError ? { ok: false, error: decided } : this.append(decided, edge.effectiveOn, actor);
  }

  private async append(events: ReadonlyArray<{ type: string; data: object }>, effectiveOn: string, actor: Actor): Promise<SuccessionOutcome> {
    const metadata = { correlationId: this.ids.next(), causationId: null, actor: { clientId: actor.clientId, role: actor.role }, effectiveAt: effectiveAtOf(effectiveOn) };
    const result = await this.store.appendToStream(
      `admin_successions-${this.ids.next()}`,
      events.map((e) => ({ id: this.ids.next(), type: e.type, schemaVersion: 1, data: e.data, metadata })),
      { expected: 'no_stream' },
    );
    return { ok: true, position: result.position };
  }
}
