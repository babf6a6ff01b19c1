// Test-only helpers shared by the libs' integration tests and the e2e suites. Import only via
// '@cdtt/platform/testing', and never from production code (dependency-cruiser enforces it).
export { reserveCommuneCodes, reserveTestYear } from './test-reservations';
export { openTestDatabase } from '../projections/testing/projection-test-kit';
export { inRolledBackTransaction } from './rolled-back';
