import { REFORM_DATE } from '@cdtt/geography';
import { parsePeriod } from '@cdtt/platform';
import { builtInCatalogue, BUILT_IN_CALENDAR, ReportCalendar, reportIdOf, type ReportFigure, type ReportingUnit } from '@cdtt/reporting';
import { addDays, minDate } from '../model/civil-dates';
import type { NewCommune } from '../model/country';
import type { SeededRandom } from '../model/seeded-random';
import type { ReportCommand } from './domain-commands';
import type { DatedCommand, PlannedReport } from './plan.types';
import { unitFigures, type PlanFacts, type UnitFigures } from './unit-figures';

const FIRST_YEAR = 2022;
const ACCEPTED_SHARE = 0.85;
const RETURNED_SHARE = 0.1;
const calendar = new ReportCalendar(BUILT_IN_CALENDAR);

/** The registry's figure for an indicator's source, or null where the plan does not say (a MANUAL one, or not tracked here). */
function figureValue(source: string, figures: UnitFigures): number | null {
  const key = source.slice(source.indexOf(':') + 1);
  return figures[key] ?? null;
}

/** The report's figures as the reporting service snapshots them: every indicator of the year's catalogue. */
function figuresOf(year: number, figures: UnitFigures): ReportFigure[] {
  return builtInCatalogue(year).map((indicator) => {
    const value = figureValue(indicator.source, figures);
    const denominator = indicator.denominatorSource ? figureValue(indicator.denominatorSource, figures) : null;
    const ratio = indicator.aggregation === 'RATIO';
    return {
      indicatorCode: indicator.code, nameVi: indicator.nameVi, nameEn: indicator.nameEn, unit: indicator.unit, aggregation: indicator.aggregation, source: indicator.source,
      value: ratio ? (value !== null && denominator ? Math.round((value / denominator) * 1000) / 1000 : null) : value,
      numerator: ratio ? value : null,
      denominator: ratio ? denominator : null,
      target: null,
    };
  });
}

/** The units that report for a year: the pre-2025 communes the commune was formed from until 2024, the commune itself from 2025. */
function reportingUnits(commune: NewCommune, year: number): Array<{ unit: ReportingUnit; provinceCode: string; codes: ReadonlySet<string> | null }> {
  if (`${year}-12-31` >= REFORM_DATE) return [{ unit: { level: 'COMMUNE', code: commune.code }, provinceCode: commune.provinceCode, codes: null }];
  return commune.predecessors.map((old) => ({ unit: { level: 'COMMUNE', code: old.code }, provinceCode: old.provinceCode, codes: new Set([old.code]) }));
}

/**
 * A commune's yearly reports on the state line (rule 9), 2022 to `today`: submitted around the
 * due date (15 December, Plan 557), some late, with the figures of the commune's own plan as a
 * snapshot; most accepted, some returned and submitted again. A report not due yet may still be
 * unsubmitted on `today`. Drawn from a random stream of their own.
 */
export function planReports(random: SeededRandom, commune: NewCommune, facts: PlanFacts, today: string): PlannedReport[] {
  const reports: PlannedReport[] = [];
  for (let year = FIRST_YEAR; year <= Number(today.slice(0, 4)); year += 1) {
    const period = parsePeriod(String(year));
    if (!period) continue;
    const dueDate = calendar.dueDate('STATE', period);
    for (const { unit, provinceCode, codes } of reportingUnits(commune, year)) {
      const submittedOn = addDays(dueDate ?? period.to, random.int(-20, 10));
      if (submittedOn > today) continue;
      const reportId = reportIdOf('STATE', period.code, unit);
      const submit = (on: string, note: string | null): DatedCommand<ReportCommand> => ({
        date: on,
        command: {
          type: 'SubmitReport', reportId, line: 'STATE', periodCode: period.code, periodFrom: period.from, unit, provinceCode,
          figures: figuresOf(year, unitFigures(facts, codes, minDate(period.to, on))), note, dueDate, today: on,
        },
      });
      const commands = [submit(submittedOn, null)];
      const reviewedOn = addDays(submittedOn, random.int(1, 15));
      const roll = random.float();
      if (reviewedOn <= today && roll < ACCEPTED_SHARE) {
        commands.push({ date: reviewedOn, command: { type: 'AcceptReport', reportId, today: reviewedOn } });
      } else if (reviewedOn <= today && roll < ACCEPTED_SHARE + RETURNED_SHARE) {
        commands.push({ date: reviewedOn, command: { type: 'ReturnReport', reportId, reason: 'Bổ sung số liệu tập huấn', today: reviewedOn } });
        const again = addDays(reviewedOn, random.int(2, 10));
        if (again <= today) commands.push(submit(again, 'Đã bổ sung theo yêu cầu'));
      }
      reports.push({ reportId, commands });
    }
  }
  return reports;
}
