import { expectedForReorg, REORGANISATION_OPERATIONS, type ReorgOperation } from './support/authorization-reorganisation-ops';
import type { Role } from './support/authorization-world';
import { ReorganisationAuthzWorld } from './support/reorganisation-authz';
import { ReorganisationFixtures } from './support/reorganisation-fixtures';

jest.setTimeout(120_000);

const ROLES: readonly Role[] = ['ADMIN', 'AUDITOR', 'PORTAL_A', 'PORTAL_B'];

const ROWS = ROLES.flatMap((role) =>
  REORGANISATION_OPERATIONS.flatMap((op: ReorgOperation) => op.targets.map((target) => ({ role, op, target, expected: expectedForReorg(role, op, target) }))),
);

/**
 * The authorisation matrix of the reorganisation operations (ADR 0012), over real HTTP with real
 * tokens, by the rules of the main matrix: admins anywhere, auditors read everything and write
 * nothing (FORBIDDEN), portals only their province, where another province's object answers
 * exactly as an unknown one; recording and withdrawing successions is for admins only. "A team of
 * province A" here is one re-attached into A (or held between successors in A): scope follows the
 * current attachment, not the province the team was established in.
 */
describe('authorization matrix: reorganisations', () => {
  const world = new ReorganisationAuthzWorld();
  const fixtures = new ReorganisationFixtures(world);

  beforeAll(async () => {
    await world.open();
    await fixtures.open();
  }, 240_000);
  afterAll(async () => {
    await world.close();
  });

  it('has a row for every role, operation and target, and both outcomes for portals', () => {
    expect(ROWS).toHaveLength(ROLES.length * REORGANISATION_OPERATIONS.reduce((n, op) => n + op.targets.length, 0));
    const portalRows = ROWS.filter((row) => row.role === 'PORTAL_A' && !row.op.adminOnly && !row.op.public);
    expect(new Set(portalRows.map((row) => row.expected))).toEqual(new Set(['ALLOWED', 'NOT_FOUND']));
  });

  it.each(ROWS.map((row) => [`${row.role} ${row.op.name} on ${row.target} → ${row.expected}`, row] as const))('%s', async (_name, row) => {
    expect(await row.op.run(fixtures, row.role, row.target, row.expected)).toBe(row.expected);
  });
});
