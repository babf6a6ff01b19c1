/**
 * The test's own account of what it wrote, and the figures that follow from it, computed here in
 * plain TypeScript from the definitions in docs/graphql.md, independently of the SQL under test.
 */
export interface Spell { person: string; team: string; from: string; to: string | null }
export interface TeamFact { id: string; commune: string; villages: string[] }
export interface SessionFact { level: string; province: string | null; commune: string | null; heldOn: string; completed: boolean; attendees: string[] }
export interface CategoryFact { category: string; peopleGuided: number; householdsGuided: number; visits: number; outcomes: Record<string, number> }
export interface ActivityFact { id: string; team: string; commune: string; village: string; date: string; figures: CategoryFact[]; retracted: boolean; corrected: boolean }
export interface Unit { level: 'NATIONAL' | 'PROVINCE' | 'COMMUNE' | 'TEAM'; code: string }

const OUTCOMES = ['ACCOUNTS_CREATED', 'PUBLIC_SERVICE_DOSSIERS_FILED', 'SELLERS_ONBOARDED', 'EPAYMENT_ACCOUNTS_OPENED'];

export class FieldworkLedger {
  readonly spells: Spell[] = [];
  readonly teams: TeamFact[] = [];
  readonly villages = new Map<string, { commune: string; households: number }>();
  readonly sessions: SessionFact[] = [];
  readonly activities: ActivityFact[] = [];
  readonly meetings: Array<{ team: string; commune: string; date: string }> = [];

  constructor(private readonly province: string) {}

  private team(id: string): TeamFact {
    const team = this.teams.find((t) => t.id === id);
    if (!team) throw new Error(`unknown team ${id}`);
    return team;
  }

  private teamIn(unit: Unit, teamId: string): boolean {
    const team = this.team(teamId);
    if (unit.level === 'TEAM') return team.id === unit.code;
    if (unit.level === 'COMMUNE') return team.commune === unit.code;
    return unit.level === 'NATIONAL' || unit.code === this.province;
  }

  private memberOfUnitOn(unit: Unit, person: string, day: string): boolean {
    return this.spells.some((s) => s.person === person && s.from <= day && (s.to === null || s.to > day) && this.teamIn(unit, s.team));
  }

  expected(unit: Unit, from: string, to: string): Record<string, number | null> {
    const inPeriod = (day: string) => day >= from && day <= to;
    const sessions = this.sessions.filter((s) => s.completed && inPeriod(s.heldOn));
    const held = sessions.filter((s) =>
      unit.level === 'TEAM' ? s.attendees.some((p) => this.memberOfUnitOn(unit, p, s.heldOn)) : unit.level === 'NATIONAL' || (unit.level === 'PROVINCE' ? s.province === unit.code : s.commune === unit.code),
    );
    const trained = new Set(sessions.flatMap((s) => s.attendees.filter((p) => this.memberOfUnitOn(unit, p, s.heldOn))));
    const members = new Set(this.spells.filter((s) => s.from <= to && (s.to === null || s.to > from) && this.teamIn(unit, s.team)).map((s) => s.person));
    const activities = this.activities.filter((a) => inPeriod(a.date) && this.teamIn(unit, a.team));
    const counted = activities.filter((a) => !a.retracted);
    const sum = (pick: (f: CategoryFact) => number) => counted.reduce((n, a) => n + a.figures.reduce((m, f) => m + pick(f), 0), 0);
    const villages = [...this.villages].filter(([id, v]) =>
      unit.level === 'TEAM' ? this.team(unit.code).villages.includes(id) : unit.level === 'COMMUNE' ? v.commune === unit.code : true,
    );
    let reached = 0;
    for (const [id, v] of villages) {
      const guided = counted.filter((a) => a.village === id).reduce((n, a) => n + Math.max(...a.figures.map((f) => f.householdsGuided)), 0);
      reached += Math.min(guided, v.households);
    }
    const households = villages.reduce((n, [, v]) => n + v.households, 0);
    return {
      trainingSessionsHeld: held.length,
      membersTrained: trained.size,
      members: members.size,
      membersTrainedShare: members.size === 0 ? null : trained.size / members.size,
      activitiesLogged: counted.length,
      activitiesCorrected: activities.filter((a) => a.corrected).length,
      activitiesRetracted: activities.filter((a) => a.retracted).length,
      peopleGuided: sum((f) => f.peopleGuided),
      householdsGuided: sum((f) => f.householdsGuided),
      visits: sum((f) => f.visits),
      accountsCreated: sum((f) => f.outcomes.ACCOUNTS_CREATED ?? 0),
      publicServiceDossiersFiled: sum((f) => f.outcomes.PUBLIC_SERVICE_DOSSIERS_FILED ?? 0),
      sellersOnboarded: sum((f) => f.outcomes.SELLERS_ONBOARDED ?? 0),
      epaymentAccountsOpened: sum((f) => f.outcomes.EPAYMENT_ACCOUNTS_OPENED ?? 0),
      meetingsHeld: this.meetings.filter((m) => inPeriod(m.date) && this.teamIn(unit, m.team)).length,
      householdsReached: reached,
      households,
      householdsReachedShare: households === 0 ? null : reached / households,
    };
  }

  /** People guided per category (the byCategory breakdown), for categories with activity. */
  peopleByCategory(unit: Unit, from: string, to: string): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const a of this.activities) {
      if (a.retracted || a.date < from || a.date > to || !this.teamIn(unit, a.team)) continue;
      for (const f of a.figures) totals[f.category] = (totals[f.category] ?? 0) + f.peopleGuided;
    }
    return totals;
  }
}

/** GraphQL figures input of a category, from the ledger's shape. */
export function figuresInput(f: CategoryFact): Record<string, unknown> {
  const o = f.outcomes;
  return {
    category: f.category,
    peopleGuided: f.peopleGuided,
    householdsGuided: f.householdsGuided,
    visits: f.visits,
    accountsCreated: o.ACCOUNTS_CREATED ?? 0,
    publicServiceDossiersFiled: o.PUBLIC_SERVICE_DOSSIERS_FILED ?? 0,
    sellersOnboarded: o.SELLERS_ONBOARDED ?? 0,
    epaymentAccountsOpened: o.EPAYMENT_ACCOUNTS_OPENED ?? 0,
  };
}

export const category = (name: string, people: number, households: number, visits: number, outcomes: Record<string, number> = {}): CategoryFact => {
  for (const key of Object.keys(outcomes)) if (!OUTCOMES.includes(key)) throw new Error(key);
  return { category: name, peopleGuided: people, householdsGuided: households, visits, outcomes };
};
