import { DomainError } from '@cdtt/event-sourcing';
import type { MoveVillage } from './village.commands';
import { villageDecider } from './village.decider';
import type { VillageEvent } from './village.events';
import { VillageKind } from './village-kind';

const ID = '0190a000-0000-7000-8000-000000000002';
const registered: VillageEvent = {
  type: 'VillageRegistered',
  data: { villageId: ID, communeCode: '00004', name: 'Thôn Tây', kind: VillageKind.THON, households: null, registeredOn: '2025-08-01' },
};
const move = (over: Partial<MoveVillage> = {}): MoveVillage => ({
  type: 'MoveVillage',
  villageId: ID,
  toCommuneCode: '00007',
  movedOn: '2026-03-01',
  decisionRef: '12/QĐ-UBND',
  lookups: { communeInForce: true, nameTaken: false },
  ...over,
});
const decide = (history: VillageEvent[], command: MoveVillage) => {
  const result = villageDecider.decide(command, history.reduce(villageDecider.evolve, villageDecider.initialState));
  return result instanceof DomainError ? result.code : result;
};

describe('moving a village to another commune (2026 rearrangement)', () => {
  it('moves an active village, and the next move starts from its new commune', () => {
    const moved = decide([registered], move());
    expect(moved).toEqual([
      { type: 'VillageMoved', data: { villageId: ID, fromCommuneCode: '00004', toCommuneCode: '00007', movedOn: '2026-03-01', decisionRef: '12/QĐ-UBND' } },
    ]);
    expect(decide([registered, ...(moved as VillageEvent[])], move({ toCommuneCode: '00004' }))).toHaveLength(1);
  });

  it.each([
    ['VILLAGE_NOT_FOUND', [], move()],
    ['VILLAGE_RETIRED', [registered, { type: 'VillageRetired', data: { villageId: ID, retiredOn: '2026-01-01', reason: null } }], move()],
    ['VILLAGE_ALREADY_IN_COMMUNE', [registered], move({ toCommuneCode: '00004' })],
    ['COMMUNE_NOT_IN_FORCE', [registered], move({ lookups: { communeInForce: false, nameTaken: false } })],
    ['VILLAGE_NAME_TAKEN', [registered], move({ lookups: { communeInForce: true, nameTaken: true } })],
    ['DATE_BEFORE_REGISTRATION', [registered], move({ movedOn: '2025-07-31' })],
    ['DATE_INVALID', [registered], move({ movedOn: '2026-02-30' })],
  ] as const)('refuses with %s', (expected, history, command) => {
    expect(decide([...history], command)).toBe(expected);
  });
});
