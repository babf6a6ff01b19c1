import type { FieldworkFigures, MeasureUnit } from '@cdtt/fieldwork';
import { parsePeriod, ProvinceScope } from '@cdtt/platform';
import { IndicatorCatalogue } from './indicator-catalogue';
import { IndicatorFigures } from './indicator-figures';
import type { ResolvedUnit, TeamsFigures } from './reporting.ports';

/** A fake of the field-work contract: figures per unit code, nothing for others. */
class FakeFieldwork implements FieldworkFigures {
  readonly asked: MeasureUnit[] = [];
  constructor(private readonly figures: Record<string, Record<string, number>>) {}
  measures(unit: MeasureUnit): Promise<ReadonlyMap<string, number> | null> {
    this.asked.push(unit);
    const f = this.figures[unit.code];
    return Promise.resolve(f ? new Map(Object.entries(f)) : null);
  }
}

const teams: TeamsFigures = { measures: () => Promise.resolve(new Map([['ACTIVE_TEAMS', 3], ['VILLAGES', 8], ['VILLAGES_COVERED', 6], ['MEMBERS', 20], ['YOUTH_UNION_MEMBERS', 5]])) };
const commune: ResolvedUnit = { unit: { level: 'COMMUNE', code: '00004' }, provinceCode: '01', parent: { level: 'PROVINCE', code: '01' }, name: 'Ba Đình' };
const catalogue = new IndicatorCatalogue({
  definedIndicators: () =>
    Promise.resolve([{ year: 2025, code: 'P01_ZALO', province_code: '01', name_vi: 'Zalo', name_en: 'Zalo', unit: 'người', aggregation: 'SUM' as const, source: 'MANUAL', denominator_source: null }]),
});
const targets = { targetsOf: () => Promise.resolve([{ indicator_code: 'TEAMS', value: 4 }]) };
const period = parsePeriod('2025')!;

describe('Indicator figures', () => {
  it('computes teams stocks, field-work flows by category, ratios from parts, manual values and targets', async () => {
    const fieldwork = new FakeFieldwork({ '00004': { PEOPLE_GUIDED: 120, 'PEOPLE_GUIDED.E_COMMERCE': 30, MEMBERS_TRAINED: 11 } });
    const figures = await new IndicatorFigures(catalogue, teams, fieldwork, targets).compute(commune, period, '2025-12-31', ProvinceScope.UNRESTRICTED, new Map([['P01_ZALO', 42]]));
    const by = new Map(figures.map((f) => [f.indicatorCode, f]));
    expect(by.get('TEAMS')).toMatchObject({ value: 3, target: 4 });
    expect(by.get('VILLAGE_COVERAGE')).toMatchObject({ value: 0.75, numerator: 6, denominator: 8, target: null });
    expect(by.get('YOUTH_UNION_SHARE')).toMatchObject({ value: 0.25 });
    expect(by.get('PEOPLE_GUIDED')?.value).toBe(120);
    expect(by.get('PEOPLE_GUIDED_E_COMMERCE')?.value).toBe(30);
    expect(by.get('MEMBERS_TRAINED')?.value).toBe(11);
    expect(by.get('P01_ZALO')?.value).toBe(42);
    expect(by.get('DIGITAL_SKILLS_CERTIFIED')?.value).toBeNull();
    expect(fieldwork.asked).toEqual([{ level: 'COMMUNE', code: '00004' }]);
  });

  it('reads field-work indicators as no figure (not zero) while field work is not wired', async () => {
    const figures = await new IndicatorFigures(catalogue, teams, null, targets).compute(commune, period, '2025-12-31', ProvinceScope.UNRESTRICTED);
    expect(figures.find((f) => f.indicatorCode === 'PEOPLE_GUIDED')?.value).toBeNull();
    expect(figures.find((f) => f.indicatorCode === 'MEMBERS')?.value).toBe(20);
  });
});
