import { REFORM_DATE, VillageKind, type RegisterVillage } from '@cdtt/geography';
import { addDays, dateOf, dayOf, minDate } from '../model/civil-dates';
import type { NewCommune, OldCommune } from '../model/country';
import type { SeededRandom } from '../model/seeded-random';
import { villageName } from './names';
import type { CommunePlan, DatedCommand, PlannedPerson, PlannedTeam } from './plan.types';
import { syntheticId } from './synthetic-ids';
import { planActivities } from './activity-plan';
import { planTeam, type TeamSite } from './team-plan';
import { planReports } from './report-plan';
import { planTrainings } from './training-plan';

/** The data set starts when the teams programme did (Plan 557, 2022). */
export const FIRST_DATE = '2022-01-01';
/** The last day the pre-2025 communes were in force. */
const LAST_OLD_DAY = addDays(REFORM_DATE, -1);

// National shape: ~30 villages per post-2025 commune (≈100,000), 90% served by a team (≈90,000).
const VILLAGES_MIN = 15;
const VILLAGES_MAX = 45;
const TEAM_SHARE = 0.9;
/** Villages registered before the reform, in the pre-2025 communes that later merged. */
const PRE_REFORM_SHARE = 0.7;
/** Post-reform villages are numbered from here: they never share a name with a pre-reform
 * village of an old commune whose code the new commune kept. */
const POST_REFORM_FIRST_NUMBER = 101;

export interface PlanOptions {
  readonly density: number;
  /** The last civil date of the data set (inclusive). */
  readonly today: string;
}

function randomDate(random: SeededRandom, from: string, to: string): string {
  return dateOf(random.int(dayOf(from), Math.max(dayOf(from), dayOf(to))));
}

interface VillageSite {
  readonly command: DatedCommand<RegisterVillage>;
  readonly site: Omit<TeamSite, 'villageId' | 'villageRegisteredOn'> & { readonly limit: string };
}

function planVillage(random: SeededRandom, commune: NewCommune, options: PlanOptions, numbers: Map<string, number>): VillageSite {
  const old: OldCommune | null =
    commune.predecessors.length > 0 && random.chance(PRE_REFORM_SHARE) ? random.pick(commune.predecessors) : null;
  const code = old?.code ?? commune.code;
  const urban = old?.urban ?? commune.urban;
  const number = numbers.get(code) ?? (old ? 1 : POST_REFORM_FIRST_NUMBER);
  numbers.set(code, number + 1);
  const registeredOn = old
    ? randomDate(random, FIRST_DATE, addDays(LAST_OLD_DAY, -60))
    : randomDate(random, REFORM_DATE, addDays(options.today, -60));
  const command: RegisterVillage = {
    type: 'RegisterVillage',
    villageId: syntheticId(random, registeredOn),
    communeCode: code,
    name: villageName(urban, number),
    kind: urban ? VillageKind.TO_DAN_PHO : random.chance(0.1) ? VillageKind.BAN : VillageKind.THON,
    households: random.int(80, 600),
    registeredOn,
    lookups: { communeInForce: true, nameTaken: false },
  };
  const limit = old ? LAST_OLD_DAY : options.today;
  return { command: { command, date: registeredOn }, site: { communeCode: code, provinceCode: old?.provinceCode ?? commune.provinceCode, newCommuneCode: commune.code, villageName: command.name, limit, preReform: old !== null } };
}

/**
 * One post-2025 commune's share of the country: villages (most registered before the reform in
 * the old communes it was formed from), a team for most villages, their members, field days,
 * training sessions and yearly reports. Pure and
 * deterministic: the same random stream gives the same plan.
 */
export function planCommune(commune: NewCommune, random: SeededRandom, options: PlanOptions): CommunePlan {
  const count = Math.round(random.int(VILLAGES_MIN, VILLAGES_MAX) * options.density);
  const numbers = new Map<string, number>();
  const villages: DatedCommand<RegisterVillage>[] = [];
  const persons: PlannedPerson[] = [];
  const teams: PlannedTeam[] = [];
  for (let i = 0; i < count; i += 1) {
    const { command, site } = planVillage(random, commune, options, numbers);
    villages.push(command);
    if (!random.chance(TEAM_SHARE)) continue;
    const teamSite: TeamSite = { ...site, villageId: command.command.villageId, villageRegisteredOn: command.date };
    teams.push(planTeam(random, teamSite, { ...options, limit: minDate(site.limit, options.today) }, persons));
  }
  const activityRandom = random.fork('activities');
  const activities = teams.flatMap((team) => planActivities(activityRandom, team.activitySite, options.today));
  // Trainings and reports came later, each from a stream of its own: what came before stays as a seed made it.
  const trainings = planTrainings(random.fork('trainings'), commune, persons, options.today);
  const reports = planReports(random.fork('reports'), commune, { villages, teams, activities, trainings }, options.today);
  return { communeCode: commune.code, villages, persons, teams, activities, trainings, reports };
}
