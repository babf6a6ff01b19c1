import { DomainError } from '@cdtt/event-sourcing';
import { allocationWarnings } from './target-allocation';
import { targetPlanDecider, type TargetPlanCommand, type TargetPlanState } from './target-plan.decider';
import type { TargetPlanEvent } from './target-plan.events';
import type { ReportingUnit } from './reporting.model';

const province = { level: 'PROVINCE', code: '01' } as const;
const commune = { level: 'COMMUNE', code: '00004' } as const;
const team = (n: number) => ({ level: 'TEAM', code: `0190aaaa-0000-7000-8000-00000000000${n}` }) as const;
const sum = { aggregation: 'SUM' } as const;
const plan = { provinceCode: '01', periodCode: '2025' };
const base = { ...plan, today: '2025-02-01' };
const assign = (unit: ReportingUnit, parent: typeof province | typeof commune | null, value: number, indicatorCode = 'MEMBERS'): TargetPlanCommand => ({
  type: 'AssignTarget', ...base, unit, parent, indicatorCode, indicator: sum, value,
});

function run(commands: TargetPlanCommand[]): { state: TargetPlanState; last: readonly TargetPlanEvent[] | string } {
  let state = targetPlanDecider.initialState;
  let last: readonly TargetPlanEvent[] | string = [];
  for (const command of commands) {
    const result = targetPlanDecider.decide(command, state);
    if (result instanceof DomainError) return { state, last: result.code };
    last = result;
    state = result.reduce(targetPlanDecider.evolve, state);
  }
  return { state, last };
}

describe('Target plan decider', () => {
  it('assigns top-down: province, then commune, then team', () => {
    const { last } = run([assign(province, null, 100), assign(commune, province, 40), assign(team(1), commune, 10)]);
    expect(last).toEqual([{ type: 'TargetAssigned', data: { ...plan, unit: team(1), parent: commune, indicatorCode: 'MEMBERS', value: 10, assignedOn: '2025-02-01' } }]);
  });

  it('refuses a target whose parent has none for the indicator (TARGET_PARENT_MISSING)', () => {
    expect(run([assign(commune, province, 40)]).last).toBe('TARGET_PARENT_MISSING');
    expect(run([assign(province, null, 100), assign(team(1), commune, 10)]).last).toBe('TARGET_PARENT_MISSING');
    expect(run([assign(province, null, 100, 'TEAMS'), assign(commune, province, 4)]).last).toBe('TARGET_PARENT_MISSING');
  });

  it('refuses twice, unknown indicators and bad values', () => {
    expect(run([assign(province, null, 100), assign(province, null, 90)]).last).toBe('TARGET_ALREADY_ASSIGNED');
    expect(run([{ ...assign(province, null, 1), indicator: null } as TargetPlanCommand]).last).toBe('INDICATOR_NOT_FOUND');
    expect(run([assign(province, null, -1)]).last).toBe('TARGET_VALUE_INVALID');
    expect(run([assign(province, null, Number.NaN)]).last).toBe('TARGET_VALUE_INVALID');
    expect(run([{ ...assign(province, null, 1.5), indicator: { aggregation: 'RATIO' } } as TargetPlanCommand]).last).toBe('TARGET_VALUE_INVALID');
  });

  it('revises while open with a reason, and freezes everything once the period is closed', () => {
    const revise = (value: number, reason = 'điều chỉnh'): TargetPlanCommand => ({ type: 'ReviseTarget', ...base, unit: province, indicatorCode: 'MEMBERS', indicator: sum, value, reason });
    const close: TargetPlanCommand = { type: 'CloseTargetPeriod', ...base };
    expect(run([assign(province, null, 100), revise(120)]).last).toEqual([
      { type: 'TargetRevised', data: { ...plan, unit: province, indicatorCode: 'MEMBERS', value: 120, previousValue: 100, reason: 'điều chỉnh', revisedOn: '2025-02-01' } },
    ]);
    expect(run([assign(province, null, 100), revise(100)]).last).toEqual([]);
    expect(run([revise(120)]).last).toBe('TARGET_NOT_FOUND');
    expect(run([assign(province, null, 100), revise(120, ' ')]).last).toBe('REASON_REQUIRED');
    expect(run([assign(province, null, 100), close, revise(120)]).last).toBe('TARGET_PERIOD_CLOSED');
    expect(run([assign(province, null, 100), close, assign(commune, province, 1)]).last).toBe('TARGET_PERIOD_CLOSED');
    expect(run([close, close]).last).toBe('TARGET_PERIOD_CLOSED');
  });

  it('warns, without refusing, when team targets exceed or fall short of their commune target', () => {
    const { state } = run([assign(province, null, 100), assign(commune, province, 40), assign(team(1), commune, 25), assign(team(2), commune, 25)]);
    expect(allocationWarnings(state, team(2), 'MEMBERS', 'SUM')).toEqual([
      expect.objectContaining({ code: 'TARGET_OVER_ALLOCATED', unit: commune, target: 40, allocated: 50 }),
    ]);
    // The commune itself is under its province's 100 and its teams over its own 40: both said.
    expect(allocationWarnings(state, commune, 'MEMBERS', 'SUM').map((w) => w.code)).toEqual(['TARGET_UNDER_ALLOCATED', 'TARGET_OVER_ALLOCATED']);
    expect(allocationWarnings(state, team(2), 'MEMBERS', 'RATIO')).toEqual([]);
    const exact = run([assign(province, null, 40), assign(commune, province, 40), assign(team(1), commune, 40)]).state;
    expect(allocationWarnings(exact, team(1), 'MEMBERS', 'SUM')).toEqual([]);
  });
});
