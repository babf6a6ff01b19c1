import { DomainError } from '@cdtt/event-sourcing';
import type { PersonCommand } from './person.commands';
import { personDecider } from './person.decider';
import type { PersonEvent, SealedPersonalData } from './person.events';

const sealed: SealedPersonalData = { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y3Q=' };
const register: PersonCommand = {
  type: 'RegisterPerson',
  personId: 'p1',
  personal: sealed,
  youthUnionSince: '2015-03-26',
  youthUnionUntil: null,
};
const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: { personId: 'p1', personal: sealed, youthUnionSince: '2015-03-26', youthUnionUntil: null },
};
const forgotten: PersonEvent = { type: 'PersonForgotten', data: { forgottenOn: '2026-01-01' } };

function given(history: PersonEvent[]) {
  const state = history.reduce(personDecider.evolve, personDecider.initialState);
  return (command: PersonCommand) => {
    const result = personDecider.decide(command, state);
    return result instanceof DomainError ? result.code : result;
  };
}

describe('Person decider', () => {
  it('registers a person with sealed personal fields', () => {
    expect(given([])(register)).toEqual([registered]);
    expect(given([registered])(register)).toBe('PERSON_ALREADY_REGISTERED');
  });

  it('checks Youth Union dates', () => {
    expect(given([])({ ...register, youthUnionUntil: '2014-01-01' })).toBe('YOUTH_UNION_DATES_INVALID');
    expect(given([])({ ...register, youthUnionSince: null, youthUnionUntil: '2014-01-01' })).toBe('YOUTH_UNION_DATES_INVALID');
  });

  it('changes details of a registered person only', () => {
    const change: PersonCommand = { type: 'ChangePersonDetails', personal: null, youthUnionSince: '2015-03-26', youthUnionUntil: '2024-12-31' };
    expect(given([registered])(change)).toEqual([{ type: 'PersonDetailsChanged', data: { personal: null, youthUnionSince: '2015-03-26', youthUnionUntil: '2024-12-31' } }]);
    expect(given([])(change)).toBe('PERSON_NOT_FOUND');
    expect(given([registered])({ ...change, youthUnionUntil: '2000-01-01' })).toBe('YOUTH_UNION_DATES_INVALID');
  });

  it('forgets once, and a forgotten person cannot change', () => {
    const forget: PersonCommand = { type: 'ForgetPerson', forgottenOn: '2026-01-01' };
    expect(given([registered])(forget)).toEqual([forgotten]);
    expect(given([registered, forgotten])(forget)).toBe('PERSON_FORGOTTEN');
    expect(given([])(forget)).toBe('PERSON_NOT_FOUND');
  });
});
