import { ACTIVITY_OUTCOMES, TASK_CATEGORIES } from '@cdtt/fieldwork';
import type { ActivityCommand, FiguresInput } from './domain-commands';
import { addDays, dateOf, dayOf, minDate } from '../model/civil-dates';
import type { SeededRandom } from '../model/seeded-random';
import type { DatedCommand, PlannedActivity, TeamActivitySite } from './plan.types';
import { syntheticId } from './synthetic-ids';

// National shape: ~22 field days per team (≈2 million), one in ten corrected later.
const ACTIVITIES_MIN = 12;
const ACTIVITIES_MAX = 32;
const CORRECTED_SHARE = 0.1;

function figures(random: SeededRandom): FiguresInput[] {
  const categories = random.chance(0.3) ? 2 : 1;
  const first = random.int(0, TASK_CATEGORIES.length - 1);
  return Array.from({ length: categories }, (_, i) => {
    const people = random.int(2, 60);
    const outcome = random.pick(ACTIVITY_OUTCOMES);
    return {
      category: TASK_CATEGORIES[(first + i) % TASK_CATEGORIES.length] ?? 'OTHER',
      peopleGuided: people,
      householdsGuided: random.int(1, people),
      visits: random.int(1, people),
      outcomes: { [outcome]: random.int(0, people) },
    };
  });
}

/**
 * A team's field days in its own village, its first leader taking part (a member from the team's
 * first day until it is dissolved), some corrected within a month. Drawn from a random stream of
 * their own, so adding them did not change the villages, people and teams of a seed.
 */
export function planActivities(random: SeededRandom, site: TeamActivitySite, today: string): PlannedActivity[] {
  if (site.until < site.from) return [];
  const count = random.int(ACTIVITIES_MIN, ACTIVITIES_MAX);
  const team = { found: true, communeCode: site.communeCode, succeededCommunes: new Set<string>(), provinceCode: site.provinceCode, activeOnDate: true, membersOnDate: new Set([site.participantId]), leaderOnDate: site.participantId };
  const village = { found: true, communeCode: site.communeCode, activeOnDate: true };
  const activities: PlannedActivity[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = dateOf(random.int(dayOf(site.from), dayOf(site.until)));
    const activityId = syntheticId(random, date);
    const commands: DatedCommand<ActivityCommand>[] = [
      {
        date,
        command: { type: 'LogActivity', activityId, teamId: site.teamId, villageId: site.villageId, date, participantIds: [site.participantId], figures: figures(random), today: date, team, village },
      },
    ];
    const logged = commands[0]?.command;
    if (logged?.type === 'LogActivity' && random.chance(CORRECTED_SHARE)) {
      const corrected = minDate(addDays(date, random.int(1, 30)), today);
      // A recount: more people than first logged, so the figures always differ (no FIGURES_UNCHANGED).
      const recount = logged.figures.map((f, index) => (index === 0 ? { ...f, peopleGuided: f.peopleGuided + random.int(1, 5) } : f));
      commands.push({ date: corrected, command: { type: 'CorrectActivity', figures: recount, reason: 'Số liệu nhập nhầm', today: corrected } });
    }
    activities.push({ activityId, commands });
  }
  return activities;
}
