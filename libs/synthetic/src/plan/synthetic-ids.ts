import { uuidv7 } from '@cdtt/event-sourcing';
import { dayOf } from '../model/civil-dates';
import type { SeededRandom } from '../model/seeded-random';

/**
 * UUIDv7 ids from the seeded generator: the timestamp is the civil date the object appears (so
 * ids still sort roughly by time, as v7 promises) and the random bits come from the seed.
 */
export function syntheticId(random: SeededRandom, date: string): string {
  return uuidv7(dayOf(date) * 86_400_000 + random.int(0, 86_399_999), random.bytes(10));
}
