import type { DomainEvent } from '@cdtt/event-sourcing';
import type { LocalDate } from './team.events';

/**
 * Personal fields (full name, phone, birth year, gender) sealed with the person's own AES-256-GCM
 * data key, which lives outside the event store (ADR 0007). Destroying the key erases them from
 * every event at once without rewriting history.
 */
export interface SealedPersonalData {
  readonly alg: 'A256GCM';
  /** base64 of the 12-byte nonce, the 16-byte tag and the ciphertext. */
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

/**
 * Youth Union membership stays in the clear on purpose: the share of Youth Union members is a
 * reported statistic that must survive erasure, and dates alone do not identify a person.
 */
export interface YouthUnionMembership {
  readonly youthUnionSince: LocalDate | null;
  readonly youthUnionUntil: LocalDate | null;
}

export interface PersonRegisteredData extends YouthUnionMembership {
  readonly personId: string;
  readonly personal: SealedPersonalData;
}

export interface PersonDetailsChangedData extends YouthUnionMembership {
  /** The new sealed personal fields, or null when only the Youth Union dates changed. */
  readonly personal: SealedPersonalData | null;
}

export interface PersonForgottenData {
  readonly forgottenOn: LocalDate;
}

export type PersonRegistered = DomainEvent<'PersonRegistered', PersonRegisteredData>;
export type PersonDetailsChanged = DomainEvent<'PersonDetailsChanged', PersonDetailsChangedData>;
export type PersonForgotten = DomainEvent<'PersonForgotten', PersonForgottenData>;
export type PersonEvent = PersonRegistered | PersonDetailsChanged | PersonForgotten;

export const PERSON_EVENT_TYPES = [
  'PersonRegistered',
  'PersonDetailsChanged',
  'PersonForgotten',
] as const satisfies readonly PersonEvent['type'][];

export const personStreamName = (personId: string): string => `person-${personId}`;
