import { TASK_CATEGORIES } from '@cdtt/fieldwork';
import { REFORM_DATE } from '@cdtt/geography';
import { addDays, dateOf, dayOf, minDate } from '../model/civil-dates';
import type { NewCommune } from '../model/country';
import type { SeededRandom } from '../model/seeded-random';
import type { TrainingCommand } from './domain-commands';
import type { DatedCommand, PlannedPerson, PlannedTraining } from './plan.types';
import { syntheticId } from './synthetic-ids';

// National shape: one or two commune sessions a year (≈ 25,000 from 2022), 5–25 members at each.
const SESSIONS_MIN = 1;
const SESSIONS_MAX = 2;
const ATTENDEES_MIN = 5;
const ATTENDEES_MAX = 25;
const CANCELLED_SHARE = 0.05;
const FIRST_YEAR = 2022;

const TITLES = ['Bồi dưỡng kỹ năng số cho Tổ CNSCĐ', 'Tập huấn hướng dẫn dịch vụ công trực tuyến', 'Tập huấn thanh toán điện tử và thương mại điện tử', 'Tập huấn an toàn thông tin, mạng xã hội'];

/** Up to `count` distinct items, in draw order (a partial Fisher–Yates shuffle of a copy). */
function sample<T>(random: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const index = random.int(0, pool.length - 1);
    out.push(pool[index] as T);
    pool[index] = pool[pool.length - 1] as T;
    pool.pop();
  }
  return out;
}

/** Where a session on `heldOn` is held: a pre-2025 commune it was formed from before the reform, itself after; null if none. */
function hostOn(random: SeededRandom, commune: NewCommune, heldOn: string): { communeCode: string; provinceCode: string } | null {
  if (heldOn >= REFORM_DATE) return { communeCode: commune.code, provinceCode: commune.provinceCode };
  if (commune.predecessors.length === 0) return null;
  const old = random.pick(commune.predecessors);
  return { communeCode: old.code, provinceCode: old.provinceCode };
}

/**
 * A commune's training sessions (tập huấn) from 2022 to `today`: held by the commune in force on
 * the day, attended by team members registered by then, completed the day attendance is recorded; a
 * few are cancelled before they are held. Drawn from a random stream of their own, so adding them
 * changed none of a seed's villages, people, teams or field days.
 */
export function planTrainings(random: SeededRandom, commune: NewCommune, persons: readonly PlannedPerson[], today: string): PlannedTraining[] {
  const trainings: PlannedTraining[] = [];
  const lastYear = Number(today.slice(0, 4));
  for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
    const sessions = random.int(SESSIONS_MIN, SESSIONS_MAX);
    for (let i = 0; i < sessions; i += 1) {
      const heldOn = dateOf(random.int(dayOf(`${year}-03-01`), Math.max(dayOf(`${year}-03-01`), dayOf(minDate(`${year}-11-30`, addDays(today, -3))))));
      const host = hostOn(random, commune, heldOn);
      if (!host || heldOn > today) continue;
      const scheduledOn = addDays(heldOn, -random.int(7, 30));
      const trainingId = syntheticId(random, scheduledOn);
      const topics = sample(random, TASK_CATEGORIES, random.int(1, 3));
      const schedule: TrainingCommand = {
        type: 'ScheduleTraining', trainingId, title: random.pick(TITLES), organiserKind: 'YOUTH_UNION', organiserName: `Đoàn Thanh niên xã ${host.communeCode}`,
        level: 'COMMUNE', mode: random.chance(0.8) ? 'IN_PERSON' : 'ONLINE', heldOn, provinceCode: null, communeCode: host.communeCode, topics,
        unit: { inForce: true, provinceCode: host.provinceCode },
      };
      const commands: DatedCommand<TrainingCommand>[] = [{ date: scheduledOn, command: schedule }];
      const eligible = persons.filter((p) => p.registeredOn <= heldOn).map((p) => p.personId);
      const attendees = sample(random, eligible, random.int(ATTENDEES_MIN, ATTENDEES_MAX));
      if (attendees.length === 0 || random.chance(CANCELLED_SHARE)) {
        const cancelledOn = addDays(heldOn, -1);
        commands.push({ date: cancelledOn, command: { type: 'CancelTraining', today: cancelledOn, reason: 'Hoãn do thời tiết' } });
      } else {
        const recordedOn = minDate(addDays(heldOn, random.int(0, 2)), today);
        const statuses = new Map(attendees.map((id) => [id, 'REGISTERED' as const]));
        commands.push({ date: recordedOn, command: { type: 'RecordTrainingAttendance', personIds: attendees, today: recordedOn, persons: statuses } });
        commands.push({ date: recordedOn, command: { type: 'CompleteTraining', today: recordedOn } });
      }
      trainings.push({ trainingId, commands });
    }
  }
  return trainings;
}
