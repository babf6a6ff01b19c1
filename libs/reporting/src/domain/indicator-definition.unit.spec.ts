import { DomainError } from '@cdtt/event-sourcing';
import { indicatorCatalogueDecider, type DefineIndicator } from './indicator-definition';

const facts = { takenCodes: new Set(['TEAMS']), sourceKnown: true, denominatorKnown: true, firstYear: 2022 };
const define = (extra: Partial<DefineIndicator> = {}): DefineIndicator => ({
  type: 'DefineIndicator', year: 2025, provinceCode: '01', code: 'P01_ZALO_FOLLOWERS', nameVi: 'Số người theo dõi Zalo OA', nameEn: 'Zalo OA followers',
  unit: 'người', aggregation: 'SUM', source: 'MANUAL', denominatorSource: null, facts, ...extra,
});
const decide = (command: DefineIndicator, codes: string[] = []) => {
  const result = indicatorCatalogueDecider.decide(command, { codes: new Set(codes) });
  return result instanceof DomainError ? result.code : result;
};

describe('Indicator catalogue decider', () => {
  it("defines a province's own indicator under its prefix, and a national one without", () => {
    const { type: _t, facts: _f, ...data } = define();
    expect(decide(define())).toEqual([{ type: 'IndicatorDefined', data }]);
    expect(decide(define({ provinceCode: null, code: 'ZALO_FOLLOWERS' }))).toEqual([expect.objectContaining({ type: 'IndicatorDefined' })]);
  });

  it('refuses codes that clash or stray from their owner', () => {
    expect(decide(define({ code: 'ZALO' }))).toBe('INDICATOR_CODE_PREFIX');
    expect(decide(define({ code: 'P79_ZALO' }))).toBe('INDICATOR_CODE_PREFIX');
    expect(decide(define({ provinceCode: null, code: 'P01_ZALO' }))).toBe('INDICATOR_CODE_PREFIX');
    expect(decide(define({ provinceCode: null, code: 'TEAMS' }))).toBe('INDICATOR_CODE_TAKEN');
    expect(decide(define(), ['P01_ZALO_FOLLOWERS'])).toBe('INDICATOR_CODE_TAKEN');
    expect(decide(define({ year: 2021 }))).toBe('INDICATOR_YEAR_NOT_COVERED');
  });

  it('checks sources and the ratio denominator', () => {
    expect(decide(define({ facts: { ...facts, sourceKnown: false } }))).toBe('INDICATOR_SOURCE_UNKNOWN');
    expect(decide(define({ aggregation: 'RATIO' }))).toBe('INDICATOR_DENOMINATOR_INVALID');
    expect(decide(define({ aggregation: 'SUM', denominatorSource: 'TEAMS:VILLAGES' }))).toBe('INDICATOR_DENOMINATOR_INVALID');
    expect(decide(define({ aggregation: 'RATIO', source: 'TEAMS:VILLAGES_COVERED', denominatorSource: 'TEAMS:VILLAGES', facts: { ...facts, denominatorKnown: false } }))).toBe('INDICATOR_DENOMINATOR_INVALID');
    expect(decide(define({ aggregation: 'RATIO', source: 'TEAMS:VILLAGES_COVERED', denominatorSource: 'TEAMS:VILLAGES' }))).toEqual([expect.objectContaining({ type: 'IndicatorDefined' })]);
  });
});
