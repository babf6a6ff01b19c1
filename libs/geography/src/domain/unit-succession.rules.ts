import { DomainError } from '@cdtt/event-sourcing';
import type {
  AdminLevel,
  AdministrativeUnitSucceeded,
  AdministrativeUnitSuccessionWithdrawn,
  SuccessionKind,
} from './admin-unit.events';

/** One edge of a reorganisation, as an operator records it (a resolution, a decision). */
export interface SuccessionEdge {
  readonly fromLevel: AdminLevel;
  readonly fromCode: string;
  readonly toLevel: AdminLevel;
  readonly toCode: string;
  readonly effectiveOn: string;
}

/** Looked up before deciding: the decider stays pure. */
export interface SuccessionFacts {
  /** Some version of the old unit is on record (at any date). */
  readonly fromKnown: boolean;
  /** The new unit is in force on `effectiveOn`. */
  readonly toInForce: boolean;
  /** The kind of the same edge as recorded now, or null when absent. */
  readonly existingKind: SuccessionKind | null;
}

const CODE_LENGTH: Record<AdminLevel, number> = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

export const SuccessionErrors = {
  levels: () =>
    new DomainError('SUCCESSION_LEVELS_INVALID', 'A province succeeds a province; a commune succeeds a commune or an island district.', ['toLevel']),
  code: (field: 'fromCode' | 'toCode') => new DomainError('UNIT_CODE_INVALID', `${field} does not match its level (2, 3 or 5 digits).`, [field]),
  reference: () => new DomainError('SUCCESSION_REFERENCE_REQUIRED', 'Cite the act (resolution or decision) behind the change.', ['reference']),
  fromUnknown: () => new DomainError('SUCCESSION_FROM_UNKNOWN', 'No unit with this level and code was ever recorded.', ['fromCode']),
  toNotInForce: (date: string) => new DomainError('SUCCESSION_TO_NOT_IN_FORCE', `The new unit is not in force on ${date}.`, ['toCode']),
  already: () => new DomainError('SUCCESSION_ALREADY_RECORDED', 'This edge is already recorded with this kind.', ['kind']),
  notFound: () => new DomainError('SUCCESSION_NOT_FOUND', 'No such succession edge is recorded.', ['fromCode']),
  reason: () => new DomainError('SUCCESSION_REASON_REQUIRED', 'Say why the edge is withdrawn.', ['reason']),
} as const;

function checkEdge(edge: SuccessionEdge): DomainError | null {
  const { fromLevel, fromCode, toLevel, toCode } = edge;
  const levelsOk = toLevel === 'PROVINCE' ? fromLevel === 'PROVINCE' : toLevel === 'COMMUNE' && fromLevel !== 'PROVINCE';
  if (!levelsOk) return SuccessionErrors.levels();
  if (!new RegExp(`^\\d{${CODE_LENGTH[fromLevel]}}$`).test(fromCode)) return SuccessionErrors.code('fromCode');
  if (!new RegExp(`^\\d{${CODE_LENGTH[toLevel]}}$`).test(toCode)) return SuccessionErrors.code('toCode');
  return null;
}

/**
 * Records (or corrects the kind of) one succession edge. Recording the same edge with the other kind
 * is how a FULL/PARTIAL mistake is corrected; the read model keeps the latest kind. A code that keeps
 * its unit across a reform (the seat's code) is recorded as an edge to itself, which is allowed.
 */
export function decideRecordSuccession(
  edge: SuccessionEdge & { readonly kind: SuccessionKind; readonly reference: string },
  facts: SuccessionFacts,
): AdministrativeUnitSucceeded[] | DomainError {
  const invalid = checkEdge(edge);
  if (invalid) return invalid;
  if (!edge.reference.trim()) return SuccessionErrors.reference();
  if (!facts.fromKnown) return SuccessionErrors.fromUnknown();
  if (!facts.toInForce) return SuccessionErrors.toNotInForce(edge.effectiveOn);
  if (facts.existingKind === edge.kind) return SuccessionErrors.already();
  const { fromLevel, fromCode, toLevel, toCode, kind, effectiveOn } = edge;
  return [{ type: 'AdministrativeUnitSucceeded', data: { fromLevel, fromCode, toLevel, toCode, kind, effectiveOn, source: `admin: ${edge.reference.trim()}` } }];
}

/** Withdraws a wrong edge (a correction). Teams that already followed it are not moved back. */
export function decideWithdrawSuccession(
  edge: SuccessionEdge & { readonly reason: string },
  facts: Pick<SuccessionFacts, 'existingKind'>,
): AdministrativeUnitSuccessionWithdrawn[] | DomainError {
  const invalid = checkEdge(edge);
  if (invalid) return invalid;
  if (!edge.reason.trim()) return SuccessionErrors.reason();
  if (facts.existingKind === null) return SuccessionErrors.notFound();
  const { fromLevel, fromCode, toLevel, toCode, effectiveOn } = edge;
  return [{ type: 'AdministrativeUnitSuccessionWithdrawn', data: { fromLevel, fromCode, toLevel, toCode, effectiveOn, reason: edge.reason.trim() } }];
}
