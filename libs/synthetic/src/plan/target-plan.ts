import { REFORM_DATE } from '@cdtt/geography';
import { addDays, minDate } from '../model/civil-dates';
import type { NewCommune } from '../model/country';
import type { SeededRandom } from '../model/seeded-random';
import type { TargetPlanCommand } from './domain-commands';
import type { DatedCommand } from './plan.types';

const FIRST_YEAR = 2022;

type IndicatorFacts = NonNullable<Extract<TargetPlanCommand, { type: 'AssignTarget' }>['indicator']>;

/** The targets handed down each year (Plan 557's headline figures): a stock, a flow and a ratio. */
const TARGETS: ReadonlyArray<{ code: string; indicator: IndicatorFacts; province: (r: SeededRandom) => number; commune: (r: SeededRandom) => number }> = [
  { code: 'TEAMS', indicator: { aggregation: 'END_OF_PERIOD' }, province: (r) => r.int(300, 4_000), commune: (r) => r.int(5, 45) },
  { code: 'PEOPLE_GUIDED', indicator: { aggregation: 'SUM' }, province: (r) => r.int(50_000, 900_000), commune: (r) => r.int(500, 12_000) },
  { code: 'VILLAGE_COVERAGE', indicator: { aggregation: 'RATIO' }, province: (r) => r.int(80, 100) / 100, commune: (r) => r.int(70, 100) / 100 },
];

/** One province's target plan for a year: the stream's key and the communes it covers. */
export interface TargetPlanScope {
  readonly provinceCode: string;
  readonly year: number;
  readonly communeCodes: readonly string[];
}

/**
 * The target plans a set of post-2025 communes takes part in, 2022 to `today`: until 2024 their
 * pre-2025 communes under the 63 provinces of then, from 2025 the communes themselves under the 34.
 */
export function targetPlanScopes(communes: readonly NewCommune[], today: string): TargetPlanScope[] {
  const scopes = new Map<string, { provinceCode: string; year: number; communeCodes: string[] }>();
  const add = (provinceCode: string, year: number, communeCode: string): void => {
    const key = `${provinceCode}-${year}`;
    const scope = scopes.get(key) ?? { provinceCode, year, communeCodes: [] };
    scope.communeCodes.push(communeCode);
    scopes.set(key, scope);
  };
  for (let year = FIRST_YEAR; year <= Number(today.slice(0, 4)); year += 1) {
    for (const commune of communes) {
      if (`${year}-12-31` >= REFORM_DATE) add(commune.provinceCode, year, commune.code);
      else for (const old of commune.predecessors) add(old.provinceCode, year, old.code);
    }
  }
  return [...scopes.values()];
}

/**
 * The assignments of one plan still missing from `assigned` (target keys `<level>:<code>|<indicator>`
 * already in the stream): the province's targets early in the year, then its communes' within
 * weeks, each carved from the province's. Values depend only on the seed, the plan and the unit,
 * so a plan grown by a larger scale later keeps the targets it had.
 */
export function planTargets(random: SeededRandom, scope: TargetPlanScope, assigned: ReadonlySet<string>, today: string): DatedCommand<TargetPlanCommand>[] {
  const { provinceCode, year } = scope;
  const periodCode = String(year);
  const province = { level: 'PROVINCE' as const, code: provinceCode };
  const provinceOn = minDate(addDays(`${year}-01-10`, random.fork('province-date').int(0, 30)), today);
  const commands: DatedCommand<TargetPlanCommand>[] = [];
  const assign = (unit: { level: 'PROVINCE' | 'COMMUNE'; code: string }, parent: typeof province | null, on: string, draw: SeededRandom): void => {
    for (const target of TARGETS) {
      const value = (parent ? target.commune : target.province)(draw);
      if (assigned.has(`${unit.level}:${unit.code}|${target.code}`)) continue;
      commands.push({
        date: on,
        command: { type: 'AssignTarget', provinceCode, periodCode, unit, parent, indicatorCode: target.code, indicator: target.indicator, value, today: on },
      });
    }
  };
  assign(province, null, provinceOn, random.fork('province'));
  for (const code of [...scope.communeCodes].sort()) {
    const draw = random.fork(`commune:${code}`);
    assign({ level: 'COMMUNE', code }, province, minDate(addDays(provinceOn, draw.int(5, 40)), today), draw);
  }
  return commands;
}
