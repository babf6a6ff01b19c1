import type { EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { NEW_STREAM, type ProvinceScope } from '@cdtt/platform';
import { PersonErrors, personDecider } from '../domain/person.decider';
import { personStreamName, type YouthUnionMembership } from '../domain/person.events';
import type { LocalDate } from '../domain/team.events';
import type { PersonalFields } from '../personal-data/personal-data.cipher';
import type { PersonalDataVault } from '../personal-data/personal-data.vault';
import { execute, loadState, type Caller, type CommandResult } from './command-execution';

export interface PersonDetails extends PersonalFields {
  readonly youthUnionSince: LocalDate | null;
  readonly youthUnionUntil: LocalDate | null;
}

/** Whether a caller may see a person (PersonReadService: a member, now or before, of a team it sees). */
export interface PersonVisibility {
  isVisible(personId: string, scope: ProvinceScope): Promise<boolean>;
}

/** Without a reader, restricted callers see nobody: a missing wiring must fail closed. */
const UNRESTRICTED_ONLY: PersonVisibility = { isVisible: (_personId, scope) => Promise.resolve(!scope.restricted) };

/**
 * People and their personal data. Personal fields are sealed before they reach a command, so
 * neither events nor the decider ever see them in the clear.
 */
export class PersonCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly vault: PersonalDataVault,
    private readonly visibility: PersonVisibility = UNRESTRICTED_ONLY,
  ) {}

  /** Registers a person under a new id; `today` dates the registration's effective instant. */
  async registerPerson(details: PersonDetails, today: LocalDate, caller: Caller): Promise<CommandResult> {
    const personId = this.ids.next();
    const { youthUnionSince, youthUnionUntil, ...fields } = details;
    const personal = await this.vault.seal(personId, fields);
    const command = { type: 'RegisterPerson' as const, personId, personal, youthUnionSince, youthUnionUntil };
    const stream = { id: personId, name: personStreamName(personId) };
    return execute(this.store, this.ids, personDecider, stream, command, today, { ...caller, expectedVersion: null }, NEW_STREAM);
  }

  /** Replaces the Youth Union dates and, when `fields` is given, the personal fields. */
  async changePersonDetails(
    personId: string,
    fields: PersonalFields | null,
    youthUnion: YouthUnionMembership,
    today: LocalDate,
    caller: Caller,
  ): Promise<CommandResult> {
    const { state } = await loadState(this.store, personDecider, personStreamName(personId));
    // Never seal for an unknown or forgotten person: the decider rejects, and no key is created.
    const personal = state.status === 'REGISTERED' && fields ? await this.vault.seal(personId, fields) : null;
    const command = { type: 'ChangePersonDetails' as const, personal, ...youthUnion };
    return execute(this.store, this.ids, personDecider, { id: personId, name: personStreamName(personId) }, command, today, caller);
  }

  /**
   * Crypto-shredding: the key goes first, so a failure after it still leaves the data unreadable
   * and a retry completes the event; then `PersonForgotten` records that it happened.
   */
  async forgetPerson(personId: string, today: LocalDate, caller: Caller): Promise<CommandResult> {
    // Admin-only at the API today; the scope still decides here, so no path can erase another province's person.
    if (!(await this.visibility.isVisible(personId, caller.scope))) return { ok: false, error: PersonErrors.notFound() };
    const stream = { id: personId, name: personStreamName(personId) };
    const { state } = await loadState(this.store, personDecider, stream.name);
    if (state.status !== 'NONE') await this.vault.forget(personId);
    return execute(this.store, this.ids, personDecider, stream, { type: 'ForgetPerson', forgottenOn: today }, today, caller);
  }

  /**
   * Whether a person can join a team: registered, not forgotten, and visible to the caller (a
   * portal cannot pull another province's person into its team, and so read their personal data).
   * Null when so.
   */
  async checkJoinable(personId: string, scope: ProvinceScope): Promise<Extract<CommandResult, { ok: false }> | null> {
    if (!(await this.visibility.isVisible(personId, scope))) return { ok: false, error: PersonErrors.notFound() };
    const { state } = await loadState(this.store, personDecider, personStreamName(personId));
    if (state.status === 'REGISTERED') return null;
    return { ok: false, error: state.status === 'NONE' ? PersonErrors.notFound() : PersonErrors.forgotten() };
  }
}
