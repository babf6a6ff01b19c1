import type { VillageKind } from './village-kind';

/**
 * Facts the application looked up in read models before deciding: the decider stays pure and
 * the rule ("the commune exists on that date") stays in one place.
 */
export interface VillageLookups {
  /** The commune (post- or pre-2025 version) is in force on the command's date. */
  readonly communeInForce: boolean;
  /** Another active village of the same commune already has this name (NFC, case-sensitive). */
  readonly nameTaken: boolean;
}

export interface RegisterVillage {
  readonly type: 'RegisterVillage';
  readonly villageId: string;
  readonly communeCode: string;
  readonly name: string;
  readonly kind: VillageKind;
  readonly households: number | null;
  readonly registeredOn: string;
  readonly lookups: VillageLookups;
}

export interface RenameVillage {
  readonly type: 'RenameVillage';
  readonly villageId: string;
  readonly name: string;
  readonly renamedOn: string;
  readonly lookups: Pick<VillageLookups, 'nameTaken'>;
}

export interface RetireVillage {
  readonly type: 'RetireVillage';
  readonly villageId: string;
  readonly retiredOn: string;
  readonly reason: string | null;
}

export interface MoveVillage {
  readonly type: 'MoveVillage';
  readonly villageId: string;
  readonly toCommuneCode: string;
  readonly movedOn: string;
  readonly decisionRef: string | null;
  /** communeInForce: the target commune on `movedOn`; nameTaken: in the target commune. */
  readonly lookups: VillageLookups;
}

export type VillageCommand = RegisterVillage | RenameVillage | RetireVillage | MoveVillage;
