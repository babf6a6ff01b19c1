import type { Decider, DomainError } from '@cdtt/event-sourcing';
import { isCivilDate } from './local-date';
import type { MoveVillage, RegisterVillage, RenameVillage, RetireVillage, VillageCommand } from './village.commands';
import { VillageErrors } from './village.errors';
import type { VillageEvent } from './village.events';
import { isVillageKind } from './village-kind';

export type VillageState =
  | { readonly status: 'NONE' }
  | {
      readonly status: 'ACTIVE' | 'RETIRED';
      readonly communeCode: string;
      readonly name: string;
      readonly registeredOn: string;
    };

const MAX_NAME = 200;

/** Names are compared and stored as NFC; stray spaces would make look-alike duplicates. */
function validName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_NAME && name === name.normalize('NFC') && name === name.trim();
}

function register(command: RegisterVillage, state: VillageState): VillageEvent[] | DomainError {
  if (state.status !== 'NONE') return VillageErrors.alreadyRegistered();
  if (!validName(command.name)) return VillageErrors.nameInvalid('name');
  if (!isVillageKind(command.kind)) return VillageErrors.kindInvalid();
  if (command.households !== null && !(Number.isInteger(command.households) && command.households >= 0)) {
    return VillageErrors.householdsInvalid();
  }
  if (!isCivilDate(command.registeredOn)) return VillageErrors.dateInvalid('registeredOn');
  if (!command.lookups.communeInForce) return VillageErrors.communeNotInForce();
  if (command.lookups.nameTaken) return VillageErrors.nameTaken('name');
  const { villageId, communeCode, name, kind, households, registeredOn } = command;
  return [{ type: 'VillageRegistered', data: { villageId, communeCode, name, kind, households, registeredOn } }];
}

function rename(command: RenameVillage, state: VillageState): VillageEvent[] | DomainError {
  if (state.status === 'NONE') return VillageErrors.notFound();
  if (state.status === 'RETIRED') return VillageErrors.retired();
  if (!validName(command.name)) return VillageErrors.nameInvalid('name');
  if (command.name === state.name) return VillageErrors.nameUnchanged();
  if (!isCivilDate(command.renamedOn)) return VillageErrors.dateInvalid('renamedOn');
  if (command.renamedOn < state.registeredOn) return VillageErrors.dateBeforeRegistration('renamedOn');
  if (command.lookups.nameTaken) return VillageErrors.nameTaken('name');
  const { villageId, name, renamedOn } = command;
  return [{ type: 'VillageRenamed', data: { villageId, name, renamedOn } }];
}

function retire(command: RetireVillage, state: VillageState): VillageEvent[] | DomainError {
  if (state.status === 'NONE') return VillageErrors.notFound();
  if (state.status === 'RETIRED') return VillageErrors.retired();
  if (!isCivilDate(command.retiredOn)) return VillageErrors.dateInvalid('retiredOn');
  if (command.retiredOn < state.registeredOn) return VillageErrors.dateBeforeRegistration('retiredOn');
  const { villageId, retiredOn, reason } = command;
  return [{ type: 'VillageRetired', data: { villageId, retiredOn, reason } }];
}

function move(command: MoveVillage, state: VillageState): VillageEvent[] | DomainError {
  if (state.status === 'NONE') return VillageErrors.notFound();
  if (state.status === 'RETIRED') return VillageErrors.retired();
  if (!isCivilDate(command.movedOn)) return VillageErrors.dateInvalid('movedOn');
  if (command.movedOn < state.registeredOn) return VillageErrors.dateBeforeRegistration('movedOn');
  if (command.toCommuneCode === state.communeCode) return VillageErrors.alreadyInCommune();
  if (!command.lookups.communeInForce) return VillageErrors.communeNotInForce();
  if (command.lookups.nameTaken) return VillageErrors.nameTaken('toCommuneCode');
  const { villageId, toCommuneCode, movedOn, decisionRef } = command;
  return [{ type: 'VillageMoved', data: { villageId, fromCommuneCode: state.communeCode, toCommuneCode, movedOn, decisionRef } }];
}

function evolve(state: VillageState, event: VillageEvent): VillageState {
  switch (event.type) {
    case 'VillageRegistered': {
      const { communeCode, name, registeredOn } = event.data;
      return { status: 'ACTIVE', communeCode, name, registeredOn };
    }
    case 'VillageRenamed':
      return state.status === 'NONE' ? state : { ...state, name: event.data.name };
    case 'VillageRetired':
      return state.status === 'NONE' ? state : { ...state, status: 'RETIRED' };
    case 'VillageMoved':
      return state.status === 'NONE' ? state : { ...state, communeCode: event.data.toCommuneCode };
  }
}

/** A village's life: registered in a commune, renamed, moved to another commune, retired (history kept). */
export const villageDecider: Decider<VillageCommand, VillageState, VillageEvent> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'RegisterVillage':
        return register(command, state);
      case 'RenameVillage':
        return rename(command, state);
      case 'RetireVillage':
        return retire(command, state);
      case 'MoveVillage':
        return move(command, state);
    }
  },
  evolve,
};
