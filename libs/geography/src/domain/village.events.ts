import type { DomainEvent } from '@cdtt/event-sourcing';
import type { VillageKind } from './village-kind';

/** A village (thôn, tổ dân phố…) entered locally: there is no national open list. */
export interface VillageRegisteredData {
  readonly villageId: string;
  readonly communeCode: string;
  readonly name: string;
  readonly kind: VillageKind;
  readonly households: number | null;
  readonly registeredOn: string;
}

export interface VillageRenamedData {
  readonly villageId: string;
  readonly name: string;
  readonly renamedOn: string;
}

/** A village ceased to exist on `retiredOn` (merged, dissolved): kept for history, never deleted. */
export interface VillageRetiredData {
  readonly villageId: string;
  readonly retiredOn: string;
  readonly reason: string | null;
}

/** The village belongs to another commune from `movedOn` (a rearrangement by decision). */
export interface VillageMovedData {
  readonly villageId: string;
  readonly fromCommuneCode: string;
  readonly toCommuneCode: string;
  readonly movedOn: string;
  readonly decisionRef: string | null;
}

export type VillageRegistered = DomainEvent<'VillageRegistered', VillageRegisteredData>;
export type VillageRenamed = DomainEvent<'VillageRenamed', VillageRenamedData>;
export type VillageRetired = DomainEvent<'VillageRetired', VillageRetiredData>;
export type VillageMoved = DomainEvent<'VillageMoved', VillageMovedData>;
export type VillageEvent = VillageRegistered | VillageRenamed | VillageRetired | VillageMoved;

export const VILLAGE_EVENT_TYPES = ['VillageRegistered', 'VillageRenamed', 'VillageRetired', 'VillageMoved'] as const;

/** Stream of one village: `village-<uuid>` (never a code in a stream name). */
export function villageStreamName(villageId: string): string {
  return `village-${villageId}`;
}
