import { DomainError } from '@cdtt/event-sourcing';
import { decideRecordSuccession, decideWithdrawSuccession } from './unit-succession.rules';

const edge = { fromLevel: 'COMMUNE' as const, fromCode: '23710', toLevel: 'COMMUNE' as const, toCode: '23710', effectiveOn: '2025-07-01' };
const facts = { fromKnown: true, toInForce: true, existingKind: null };
const code = (r: unknown): string | null => (r instanceof DomainError ? r.code : null);

describe('recording and withdrawing succession edges (operator corrections, future reorganisations)', () => {
  it('records an edge with the act it cites, and corrects a kind by recording it again', () => {
    expect(decideRecordSuccession({ ...edge, kind: 'FULL', reference: ' NQ 1664/NQ-UBTVQH15 ' }, facts)).toEqual([
      { type: 'AdministrativeUnitSucceeded', data: { ...edge, kind: 'FULL', source: 'admin: NQ 1664/NQ-UBTVQH15' } },
    ]);
    expect(code(decideRecordSuccession({ ...edge, kind: 'PARTIAL', reference: 'x' }, { ...facts, existingKind: 'FULL' }))).toBeNull();
  });

  it.each([
    ['SUCCESSION_LEVELS_INVALID', { ...edge, fromLevel: 'PROVINCE' as const }, facts],
    ['SUCCESSION_LEVELS_INVALID', { ...edge, toLevel: 'DISTRICT' as const, toCode: '001' }, facts],
    ['UNIT_CODE_INVALID', { ...edge, fromCode: '2371' }, facts],
    ['UNIT_CODE_INVALID', { ...edge, toCode: '237100' }, facts],
    ['SUCCESSION_FROM_UNKNOWN', edge, { ...facts, fromKnown: false }],
    ['SUCCESSION_TO_NOT_IN_FORCE', edge, { ...facts, toInForce: false }],
    ['SUCCESSION_ALREADY_RECORDED', edge, { ...facts, existingKind: 'FULL' as const }],
  ])('refuses with %s', (expected, e, f) => {
    expect(code(decideRecordSuccession({ ...e, kind: 'FULL', reference: 'NQ' }, f))).toBe(expected);
  });

  it('needs a reference to record and a reason to withdraw, and an existing edge to withdraw', () => {
    expect(code(decideRecordSuccession({ ...edge, kind: 'FULL', reference: '  ' }, facts))).toBe('SUCCESSION_REFERENCE_REQUIRED');
    expect(code(decideWithdrawSuccession({ ...edge, reason: ' ' }, { existingKind: 'FULL' }))).toBe('SUCCESSION_REASON_REQUIRED');
    expect(code(decideWithdrawSuccession({ ...edge, reason: 'wrong' }, { existingKind: null }))).toBe('SUCCESSION_NOT_FOUND');
    expect(decideWithdrawSuccession({ ...edge, reason: 'wrong' }, { existingKind: 'PARTIAL' })).toEqual([
      { type: 'AdministrativeUnitSuccessionWithdrawn', data: { ...edge, reason: 'wrong' } },
    ]);
  });
});
