import type { SealedPersonalData, YouthUnionMembership } from './person.events';
import type { LocalDate } from './team.events';

export interface RegisterPerson extends YouthUnionMembership {
  readonly type: 'RegisterPerson';
  readonly personId: string;
  readonly personal: SealedPersonalData;
}

export interface ChangePersonDetails extends YouthUnionMembership {
  readonly type: 'ChangePersonDetails';
  readonly personal: SealedPersonalData | null;
}

export interface ForgetPerson {
  readonly type: 'ForgetPerson';
  readonly forgottenOn: LocalDate;
}

export type PersonCommand = RegisterPerson | ChangePersonDetails | ForgetPerson;
