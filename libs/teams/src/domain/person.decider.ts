import { DomainError, type Decider } from '@cdtt/event-sourcing';
import type { PersonCommand } from './person.commands';
import type { PersonEvent, YouthUnionMembership } from './person.events';

export interface PersonState {
  readonly status: 'NONE' | 'REGISTERED' | 'FORGOTTEN';
}

export const PersonErrors = {
  alreadyRegistered: () => new DomainError('PERSON_ALREADY_REGISTERED', 'This person is already registered.'),
  notFound: () => new DomainError('PERSON_NOT_FOUND', 'No person with this id.', ['personId']),
  forgotten: () =>
    new DomainError('PERSON_FORGOTTEN', "This person's personal data was erased; the record is closed.", ['personId']),
  youthUnionDates: () =>
    new DomainError('YOUTH_UNION_DATES_INVALID', 'Youth Union membership ends before it starts, or ends without a start.', [
      'youthUnionUntil',
    ]),
} as const;

function checkYouthUnion({ youthUnionSince, youthUnionUntil }: YouthUnionMembership): DomainError | null {
  if (youthUnionUntil === null) return null;
  if (youthUnionSince === null || youthUnionUntil < youthUnionSince) return PersonErrors.youthUnionDates();
  return null;
}

/**
 * A person (stream `person-<uuid>`) may sit on several teams. The decider sees personal fields only
 * sealed: encryption happens in the application layer, which holds the keys.
 */
export const personDecider: Decider<PersonCommand, PersonState, PersonEvent> = {
  initialState: { status: 'NONE' },
  evolve(_state: PersonState, event: PersonEvent): PersonState {
    return { status: event.type === 'PersonForgotten' ? 'FORGOTTEN' : 'REGISTERED' };
  },
  decide(command: PersonCommand, state: PersonState): readonly PersonEvent[] | DomainError {
    if (command.type === 'RegisterPerson') {
      if (state.status !== 'NONE') return PersonErrors.alreadyRegistered();
      const { personId, personal, youthUnionSince, youthUnionUntil } = command;
      return checkYouthUnion(command) ?? [
        { type: 'PersonRegistered', data: { personId, personal, youthUnionSince, youthUnionUntil } },
      ];
    }
    if (state.status === 'NONE') return PersonErrors.notFound();
    if (state.status === 'FORGOTTEN') return PersonErrors.forgotten();
    if (command.type === 'ForgetPerson') {
      return [{ type: 'PersonForgotten', data: { forgottenOn: command.forgottenOn } }];
    }
    const { personal, youthUnionSince, youthUnionUntil } = command;
    return checkYouthUnion(command) ?? [
      { type: 'PersonDetailsChanged', data: { personal, youthUnionSince, youthUnionUntil } },
    ];
  },
};
