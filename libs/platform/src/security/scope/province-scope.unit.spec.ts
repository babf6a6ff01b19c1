import { ProvinceScope } from './province-scope';

const portal = (provinceCodes: string[]) => ProvinceScope.of({ clientId: 'p', role: 'PORTAL', provinceCodes });

describe('ProvinceScope', () => {
  it('lets an admin see and change every province', () => {
    const scope = ProvinceScope.of({ clientId: 'a', role: 'ADMIN', provinceCodes: [] });
    expect(scope.restricted).toBe(false);
    expect(scope.canSee('01')).toBe(true);
    expect(scope.canSee(null)).toBe(true);
    expect(scope.sqlParam).toBeNull();
    expect(() => scope.assertCanWrite()).not.toThrow();
  });

  it('lets an auditor see everything and change nothing (top-level FORBIDDEN)', () => {
    const scope = ProvinceScope.of({ clientId: 'u', role: 'AUDITOR', provinceCodes: ['01'] });
    expect(scope.restricted).toBe(false);
    expect(scope.canSee('96')).toBe(true);
    expect(() => scope.assertCanWrite()).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }) as Error);
  });

  it('limits a portal to its provinces; a unit of no known province is never its', () => {
    const scope = portal(['96', '01']);
    expect(scope.restricted).toBe(true);
    expect([scope.canSee('01'), scope.canSee('96'), scope.canSee('95'), scope.canSee(null), scope.canSee(undefined)]).toEqual([true, true, false, false, false]);
    expect(scope.provinceCodes).toEqual(['01', '96']);
    expect(scope.sqlParam).toEqual(['01', '96']);
    expect(() => scope.assertCanWrite()).not.toThrow();
    expect(portal([]).canSee('01')).toBe(false);
  });

  it('binds one parameter whatever the role, so placeholders never shift, and names the column only when it restricts', () => {
    expect(portal(['96']).sqlFilter('t.province_code', '$2')).toBe('(t.province_code = ANY($2::text[]))');
    expect(ProvinceScope.UNRESTRICTED.sqlFilter('t.province_code', '$2')).toBe('($2::text[] IS NULL)');
    expect(ProvinceScope.UNRESTRICTED.sqlParam).toBeNull();
  });
});
