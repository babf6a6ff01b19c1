import { REFORM_DATE } from '@cdtt/geography';
import { DEFAULT_TEAM_POLICY, type MemberRole, type TeamCommand, type TeamDecision } from '@cdtt/teams';
import { addDays, dateOf, dayOf, maxDate, minDate } from '../model/civil-dates';
import type { SeededRandom } from '../model/seeded-random';
import { personName, phoneNumber, signerTitle, type Gender } from './names';
import type { DatedCommand, PlannedPerson, PlannedTeam } from './plan.types';
import { syntheticId } from './synthetic-ids';

/** Where a village team lives: the village, its commune then, and the commune it merged into. */
export interface TeamSite {
  readonly villageId: string;
  readonly villageName: string;
  readonly villageRegisteredOn: string;
  /** The commune that establishes the team (pre-2025 code before the reform). */
  readonly communeCode: string;
  /** The province of `communeCode` (the pre-2025 one for a pre-2025 commune). */
  readonly provinceCode: string;
  readonly newCommuneCode: string;
  readonly preReform: boolean;
}

export interface TeamPlanOptions {
  readonly today: string;
  /** Last date of the team's own commune (the eve of the reform for a pre-2025 commune). */
  readonly limit: string;
}

// Shares per team, tuned to the national shape: ~5 members, some on two teams, some turnover.
const EXTRA_MEMBERS_MIN = 2;
const EXTRA_MEMBERS_MAX = 6;
const SECOND_TEAM_SHARE = 0.03;
const LEAVE_SHARE = 0.08;
const HANDOVER_SHARE = 0.05;
const DISSOLVED_AT_REFORM_SHARE = 0.2;
const YOUTH_UNION_SHARE = 0.75;

function between(random: SeededRandom, from: string, to: string): string {
  return dateOf(random.int(dayOf(from), Math.max(dayOf(from), dayOf(to))));
}

function decisionOf(random: SeededRandom, communeCode: string, date: string): TeamDecision {
  const gender: Gender = random.chance(0.5) ? 'FEMALE' : 'MALE';
  return { number: `${random.int(1, 480)}/QĐ-UBND`, date, issuingCommuneCode: communeCode, signerName: personName(random, gender), signerTitle: signerTitle(random) };
}

function newPerson(random: SeededRandom, registeredOn: string): PlannedPerson {
  const gender: Gender = random.chance(0.52) ? 'FEMALE' : 'MALE';
  const member = random.chance(YOUTH_UNION_SHARE);
  const since = member ? between(random, '2000-01-01', '2021-12-31') : null;
  return {
    personId: syntheticId(random, registeredOn),
    fields: { fullName: personName(random, gender), phone: random.chance(0.9) ? phoneNumber(random) : null, birthYear: random.int(1970, 2006), gender },
    youthUnionSince: since,
    youthUnionUntil: since && random.chance(0.1) ? between(random, '2022-01-01', '2024-12-31') : null,
    registeredOn,
  };
}

/** A member from another team of the same commune (people do serve on two), else a new person. */
function memberFor(random: SeededRandom, date: string, persons: PlannedPerson[], onTeam: ReadonlySet<string>, mayReuse: boolean): PlannedPerson {
  if (mayReuse && persons.length > 0 && random.chance(SECOND_TEAM_SHARE)) {
    const candidate = random.pick(persons);
    if (!onTeam.has(candidate.personId)) return candidate;
  }
  const person = newPerson(random, date);
  persons.push(person);
  return person;
}

function rosterChanges(random: SeededRandom, members: ReadonlyArray<{ id: string; role: MemberRole }>, from: string, limit: string): DatedCommand<TeamCommand>[] {
  if (from > limit) return [];
  const date = between(random, from, limit);
  const others = members.filter((m) => m.role !== 'LEADER');
  const out: DatedCommand<TeamCommand>[] = [];
  const leaving = others.length > 1 && random.chance(LEAVE_SHARE) ? random.pick(others) : null;
  if (leaving) out.push({ date, command: { type: 'RemoveMember', personId: leaving.id, effectiveDate: date, decisionRef: null } });
  const successors = others.filter((m) => m !== leaving);
  if (successors.length > 0 && random.chance(HANDOVER_SHARE)) {
    const successor = random.pick(successors);
    out.push({ date, command: { type: 'ChangeMemberRole', personId: successor.id, role: 'LEADER', effectiveDate: date, decisionRef: null, policy: DEFAULT_TEAM_POLICY } });
  }
  return out;
}

/** After the reform a team of a commune that kept its code is re-confirmed (kiện toàn); others may be dissolved. */
function reformCommands(random: SeededRandom, site: TeamSite, today: string): DatedCommand<TeamCommand>[] {
  if (!site.preReform || today < REFORM_DATE) return [];
  if (site.communeCode === site.newCommuneCode) {
    const decided = between(random, REFORM_DATE, minDate('2025-12-31', today));
    const date = minDate(addDays(decided, random.int(0, 10)), today);
    const decision = decisionOf(random, site.communeCode, decided);
    return [{ date, command: { type: 'ReissueTeamDecision', decision, effectiveDate: date, facts: { issuerInForceOnDecisionDate: true } } }];
  }
  if (!random.chance(DISSOLVED_AT_REFORM_SHARE)) return [];
  const date = between(random, REFORM_DATE, minDate('2025-09-30', today));
  return [{ date, command: { type: 'DissolveTeam', effectiveDate: date, decisionRef: null } }];
}

/**
 * One village team's life: a decision of its commune, a leader on the effective date, deputies
 * and members within two months, some turnover, and the 2025 reform. `persons` is the commune's
 * people so far; new members are added to it.
 */
export function planTeam(random: SeededRandom, site: TeamSite, options: TeamPlanOptions, persons: PlannedPerson[]): PlannedTeam {
  const decided = between(random, addDays(site.villageRegisteredOn, 1), minDate(addDays(site.villageRegisteredOn, 300), addDays(options.limit, -30)));
  const effectiveDate = addDays(decided, random.int(0, 5));
  const teamId = syntheticId(random, effectiveDate);
  const commands: DatedCommand<TeamCommand>[] = [{
    date: effectiveDate,
    command: {
      type: 'EstablishTeam', teamId, communeCode: site.communeCode, villageIds: [site.villageId], name: `Tổ CNSCĐ ${site.villageName}`,
      level: 'VILLAGE', decision: decisionOf(random, site.communeCode, decided), effectiveDate,
      facts: { issuerInForceOnDecisionDate: true, villages: [{ id: site.villageId, communeCode: site.communeCode, active: true }], villagesServedElsewhere: [] },
      policy: DEFAULT_TEAM_POLICY,
    },
  }];
  const extra = random.int(EXTRA_MEMBERS_MIN, EXTRA_MEMBERS_MAX);
  const deputies = random.int(0, 2);
  const joins = [{ date: effectiveDate, role: 'LEADER' as MemberRole }];
  for (let i = 0; i < extra; i += 1) joins.push({ date: between(random, effectiveDate, minDate(addDays(effectiveDate, 60), options.limit)), role: i < deputies ? 'DEPUTY' : 'MEMBER' });
  joins.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const members: Array<{ id: string; role: MemberRole }> = [];
  const onTeam = new Set<string>();
  let lastJoin = effectiveDate;
  for (const join of joins) {
    const person = memberFor(random, join.date, persons, onTeam, join.role !== 'LEADER');
    onTeam.add(person.personId);
    members.push({ id: person.personId, role: join.role });
    lastJoin = maxDate(lastJoin, join.date);
    commands.push({ date: join.date, command: { type: 'AddMember', personId: person.personId, role: join.role, effectiveDate: join.date, decisionRef: null, policy: DEFAULT_TEAM_POLICY } });
  }
  // Roster changes draw before the reform: the order of draws is what a seed reproduces.
  const roster = rosterChanges(random, members, addDays(lastJoin, 1), options.limit);
  const reform = reformCommands(random, site, options.today);
  commands.push(...roster, ...reform);
  const dissolved = reform.find((c) => c.command.type === 'DissolveTeam');
  const leader = members[0]?.id ?? '';
  const until = dissolved ? addDays(dissolved.date, -1) : options.today;
  const activitySite = { teamId, villageId: site.villageId, communeCode: site.communeCode, provinceCode: site.provinceCode, participantId: leader, from: effectiveDate, until };
  return { teamId, commands, activitySite };
}
