import { DomainError } from '@cdtt/event-sourcing';
import type { RegisterVillage, VillageCommand } from './village.commands';
import { villageDecider } from './village.decider';
import type { VillageEvent } from './village.events';
import { VillageKind } from './village-kind';

const ID = '0190a000-0000-7000-8000-000000000001';
const registered: VillageEvent = {
  type: 'VillageRegistered',
  data: { villageId: ID, communeCode: '00004', name: 'Thôn Đông', kind: VillageKind.THON, households: 120, registeredOn: '2025-08-01' },
};
const register = (over: Partial<RegisterVillage> = {}): RegisterVillage => ({
  type: 'RegisterVillage',
  villageId: ID,
  communeCode: '00004',
  name: 'Thôn Đông',
  kind: VillageKind.THON,
  households: 120,
  registeredOn: '2025-08-01',
  lookups: { communeInForce: true, nameTaken: false },
  ...over,
});

/** Given past events, when a command, then new events or a coded rejection. */
function given(history: VillageEvent[]) {
  const state = history.reduce(villageDecider.evolve, villageDecider.initialState);
  return {
    when: (command: VillageCommand) => {
      const decided = villageDecider.decide(command, state);
      return {
        thenEvents: (expected: VillageEvent[]) => expect(decided).toEqual(expected),
        thenError: (code: string) => expect(decided instanceof DomainError ? decided.code : decided).toBe(code),
      };
    },
  };
}

describe('village decider', () => {
  it('registers a village in a commune in force', () => {
    given([]).when(register()).thenEvents([registered]);
  });

  it.each([
    ['COMMUNE_NOT_IN_FORCE', { lookups: { communeInForce: false, nameTaken: false } }],
    ['VILLAGE_NAME_TAKEN', { lookups: { communeInForce: true, nameTaken: true } }],
    ['VILLAGE_NAME_INVALID', { name: '' }],
    ['VILLAGE_NAME_INVALID', { name: 'x'.repeat(201) }],
    ['VILLAGE_NAME_INVALID', { name: 'Tho\u0302n Đông' }],
    ['VILLAGE_NAME_INVALID', { name: ' Thôn Đông' }],
    ['VILLAGE_HOUSEHOLDS_INVALID', { households: -1 }],
    ['VILLAGE_HOUSEHOLDS_INVALID', { households: 1.5 }],
    ['VILLAGE_KIND_INVALID', { kind: 'CASTLE' as VillageKind }],
    ['DATE_INVALID', { registeredOn: '2025-02-30' }],
  ] as Array<[string, Partial<RegisterVillage>]>)('refuses registration with %s', (code, over) => {
    given([]).when(register(over)).thenError(code);
  });

  it('accepts 200 characters and unknown households', () => {
    const name = 'x'.repeat(200);
    given([]).when(register({ name, households: null })).thenEvents([
      { type: 'VillageRegistered', data: { ...registered.data, name, households: null } },
    ]);
  });

  it('refuses a second registration of the same village', () => {
    given([registered]).when(register()).thenError('VILLAGE_ALREADY_REGISTERED');
  });

  it('renames an active village', () => {
    given([registered])
      .when({ type: 'RenameVillage', villageId: ID, name: 'Thôn Tây', renamedOn: '2026-01-01', lookups: { nameTaken: false } })
      .thenEvents([{ type: 'VillageRenamed', data: { villageId: ID, name: 'Thôn Tây', renamedOn: '2026-01-01' } }]);
  });

  it.each([
    ['VILLAGE_NAME_UNCHANGED', 'Thôn Đông', '2026-01-01', false],
    ['VILLAGE_NAME_TAKEN', 'Thôn Tây', '2026-01-01', true],
    ['DATE_BEFORE_REGISTRATION', 'Thôn Tây', '2025-07-31', false],
    ['DATE_INVALID', 'Thôn Tây', 'soon', false],
  ])('refuses a rename with %s', (code, name, renamedOn, nameTaken) => {
    given([registered]).when({ type: 'RenameVillage', villageId: ID, name, renamedOn, lookups: { nameTaken } }).thenError(code);
  });

  it('refuses to rename or retire a village that was never registered', () => {
    given([]).when({ type: 'RenameVillage', villageId: ID, name: 'A', renamedOn: '2026-01-01', lookups: { nameTaken: false } }).thenError('VILLAGE_NOT_FOUND');
    given([]).when({ type: 'RetireVillage', villageId: ID, retiredOn: '2026-01-01', reason: null }).thenError('VILLAGE_NOT_FOUND');
  });

  it('retires a village, which then can no longer change', () => {
    const retired: VillageEvent = { type: 'VillageRetired', data: { villageId: ID, retiredOn: '2026-02-01', reason: 'merged' } };
    given([registered]).when({ type: 'RetireVillage', villageId: ID, retiredOn: '2026-02-01', reason: 'merged' }).thenEvents([retired]);
    given([registered, retired]).when({ type: 'RetireVillage', villageId: ID, retiredOn: '2026-03-01', reason: null }).thenError('VILLAGE_RETIRED');
    given([registered, retired])
      .when({ type: 'RenameVillage', villageId: ID, name: 'Thôn Mới', renamedOn: '2026-03-01', lookups: { nameTaken: false } })
      .thenError('VILLAGE_RETIRED');
  });

  it('refuses a retirement dated before registration', () => {
    given([registered]).when({ type: 'RetireVillage', villageId: ID, retiredOn: '2025-01-01', reason: null }).thenError('DATE_BEFORE_REGISTRATION');
  });
});
