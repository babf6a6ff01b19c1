import type { DomainEvent } from '@cdtt/event-sourcing';
import type {
  MemberJoinedData,
  MemberLeftData,
  MemberRoleChangedData,
  TeamDissolvedData,
  TeamEstablishedData,
  TeamHeldForSuccessorChoiceData,
  TeamReattachedData,
} from '@cdtt/teams';

/** A commune the team belonged to from a date (establishment, then each re-attachment). */
export interface CommuneSpell {
  readonly code: string;
  readonly from: string;
}

interface Spell {
  readonly personId: string;
  readonly role: string;
  readonly from: string;
  to: string | null;
}

/**
 * A team's roster through time, folded from its own stream (the authority, so a member added a
 * moment ago counts at once). Spells are half-open `[from, to)`, as in the teams read models: a
 * member who leaves on d is not a member on d.
 */
export class TeamHistory {
  communeCode = '';
  establishedOn: string | null = null;
  dissolvedOn: string | null = null;
  /** The team's communes in order; the last is its current one. */
  readonly communes: CommuneSpell[] = [];
  /** Set while the team waits for a person's choice of successor after a split (ADR 0012). */
  held: { readonly successorCodes: readonly string[]; readonly since: string } | null = null;
  private readonly spells: Spell[] = [];

  static of(events: readonly DomainEvent[]): TeamHistory {
    const history = new TeamHistory();
    for (const event of events) history.apply(event);
    return history;
  }

  /** The commune the team belonged to on the date (its first before establishment). */
  communeOn(date: string): CommuneSpell | null {
    return [...this.communes].reverse().find((spell) => spell.from <= date) ?? this.communes[0] ?? null;
  }

  /** The communes before the one in force on the date: each left by a re-attachment (succession). */
  succeededOn(date: string): Set<string> {
    const current = this.communeOn(date);
    const index = current ? this.communes.indexOf(current) : 0;
    return new Set(this.communes.slice(0, Math.max(index, 0)).map((spell) => spell.code));
  }

  activeOn(date: string): boolean {
    return this.establishedOn !== null && this.establishedOn <= date && (this.dissolvedOn === null || this.dissolvedOn > date);
  }

  membersOn(date: string): Set<string> {
    return new Set(this.spellsOn(date).map((spell) => spell.personId));
  }

  leaderOn(date: string): string | null {
    return this.spellsOn(date).find((spell) => spell.role === 'LEADER')?.personId ?? null;
  }

  private spellsOn(date: string): Spell[] {
    return this.spells.filter((spell) => spell.from <= date && (spell.to === null || spell.to > date));
  }

  private close(date: string, personId?: string): void {
    for (const spell of this.spells) if (spell.to === null && (personId === undefined || spell.personId === personId)) spell.to = date;
  }

  private apply(event: DomainEvent): void {
    switch (event.type) {
      case 'TeamEstablished': {
        const data = event.data as TeamEstablishedData;
        this.communeCode = data.communeCode;
        this.establishedOn = data.effectiveDate;
        this.communes.push({ code: data.communeCode, from: data.effectiveDate });
        return;
      }
      case 'TeamReattached': {
        const data = event.data as TeamReattachedData;
        this.communeCode = data.toCommuneCode;
        this.communes.push({ code: data.toCommuneCode, from: data.effectiveDate });
        this.held = null;
        return;
      }
      case 'TeamHeldForSuccessorChoice': {
        const data = event.data as TeamHeldForSuccessorChoiceData;
        this.held = { successorCodes: data.successorCodes, since: data.effectiveDate };
        return;
      }
      case 'MemberJoined': {
        const data = event.data as MemberJoinedData;
        this.spells.push({ personId: data.personId, role: data.role, from: data.effectiveDate, to: null });
        return;
      }
      case 'MemberRoleChanged': {
        const data = event.data as MemberRoleChangedData;
        this.close(data.effectiveDate, data.personId);
        this.spells.push({ personId: data.personId, role: data.role, from: data.effectiveDate, to: null });
        return;
      }
      case 'MemberLeft': {
        const data = event.data as MemberLeftData;
        this.close(data.effectiveDate, data.personId);
        return;
      }
      case 'TeamDissolved': {
        const data = event.data as TeamDissolvedData;
        this.dissolvedOn = data.effectiveDate;
        this.close(data.effectiveDate);
        return;
      }
    }
  }
}
