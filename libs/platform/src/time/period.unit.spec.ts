import { parsePeriod, periodContains } from './period';

describe('parsePeriod', () => {
  it.each([
    ['2025', 'YEAR', '2025-01-01', '2025-12-31'],
    ['2024-H1', 'HALF', '2024-01-01', '2024-06-30'],
    ['2025-H2', 'HALF', '2025-07-01', '2025-12-31'],
    ['2025-Q1', 'QUARTER', '2025-01-01', '2025-03-31'],
    ['2025-Q4', 'QUARTER', '2025-10-01', '2025-12-31'],
    ['2024-02', 'MONTH', '2024-02-01', '2024-02-29'],
    ['2025-02', 'MONTH', '2025-02-01', '2025-02-28'],
  ])('%s is a %s from %s to %s', (code, kind, from, to) => {
    expect(parsePeriod(code)).toEqual({ code, kind, from, to });
  });

  it.each(['', '25', '2025-Q5', '2025-13', '2025-00', '2025-H3', '1999', 'x2025', '2025-q1'])('rejects %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });

  it('contains both ends and nothing outside', () => {
    const q3 = parsePeriod('2025-Q3')!;
    expect(periodContains(q3, '2025-07-01')).toBe(true);
    expect(periodContains(q3, '2025-09-30')).toBe(true);
    expect(periodContains(q3, '2025-06-30')).toBe(false);
    expect(periodContains(q3, '2025-10-01')).toBe(false);
  });
});
