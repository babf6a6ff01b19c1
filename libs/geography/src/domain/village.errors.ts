import { DomainError } from '@cdtt/event-sourcing';

/** Coded rejections of the village decider (catalogued in docs/errors.md). */
export const VillageErrors = {
  alreadyRegistered: () => new DomainError('VILLAGE_ALREADY_REGISTERED', 'This village is already registered'),
  notFound: () => new DomainError('VILLAGE_NOT_FOUND', 'No such village', ['villageId']),
  retired: () => new DomainError('VILLAGE_RETIRED', 'The village is retired: it can no longer change'),
  communeNotInForce: () =>
    new DomainError('COMMUNE_NOT_IN_FORCE', 'No commune with this code is in force on that date', ['communeCode']),
  nameInvalid: (field: string) =>
    new DomainError('VILLAGE_NAME_INVALID', 'The name must be 1 to 200 characters of NFC text, without surrounding spaces', [field]),
  nameTaken: (field: string) =>
    new DomainError('VILLAGE_NAME_TAKEN', 'An active village of this commune already has this name', [field]),
  nameUnchanged: () => new DomainError('VILLAGE_NAME_UNCHANGED', 'The village already has this name', ['name']),
  householdsInvalid: () =>
    new DomainError('VILLAGE_HOUSEHOLDS_INVALID', 'Households must be a whole number, zero or more', ['households']),
  kindInvalid: () => new DomainError('VILLAGE_KIND_INVALID', 'Unknown village kind', ['kind']),
  alreadyInCommune: () => new DomainError('VILLAGE_ALREADY_IN_COMMUNE', 'The village already belongs to this commune', ['toCommuneCode']),
  mergeNeedsTwo: () => new DomainError('VILLAGE_MERGE_NEEDS_TWO', 'A merge takes at least two villages', ['villageIds']),
  listedTwice: () => new DomainError('VILLAGE_LISTED_TWICE', 'A village is listed twice', ['villageIds']),
  differentCommunes: () => new DomainError('VILLAGES_IN_DIFFERENT_COMMUNES', 'Only villages of one commune merge (move one first)', ['villageIds']),
  splitNeedsTwo: () => new DomainError('VILLAGE_SPLIT_NEEDS_TWO_PARTS', 'A split makes at least two villages', ['parts']),
  dateInvalid: (field: string) => new DomainError('DATE_INVALID', 'Not a calendar date (YYYY-MM-DD)', [field]),
  dateBeforeRegistration: (field: string) =>
    new DomainError('DATE_BEFORE_REGISTRATION', 'The date is before the village was registered', [field]),
} as const;
