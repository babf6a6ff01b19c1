// Three tiers by file suffix: .unit.spec.ts (pure), .int.spec.ts (real PostgreSQL), .e2e.spec.ts
// (real HTTP + GraphQL). One global setup provides DATABASE_URL: the given server, or an
// embedded PostgreSQL (PGlite) when none is set.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@cdtt/event-sourcing/testing$': '<rootDir>/libs/event-sourcing/src/testing/index.ts',
  '^@cdtt/event-sourcing$': '<rootDir>/libs/event-sourcing/src/index.ts',
  '^@cdtt/event-store-postgres$': '<rootDir>/libs/event-store-postgres/src/index.ts',
  '^@cdtt/event-store-eventstoredb$': '<rootDir>/libs/event-store-eventstoredb/src/index.ts',
  '^@cdtt/platform/testing$': '<rootDir>/libs/platform/src/testing/index.ts',
  '^@cdtt/platform$': '<rootDir>/libs/platform/src/index.ts',
  '^@cdtt/geography$': '<rootDir>/libs/geography/src/index.ts',
  '^@cdtt/teams$': '<rootDir>/libs/teams/src/index.ts',
  '^@cdtt/fieldwork$': '<rootDir>/libs/fieldwork/src/index.ts',
  '^@cdtt/reporting$': '<rootDir>/libs/reporting/src/index.ts',
  '^@cdtt/synthetic$': '<rootDir>/libs/synthetic/src/index.ts',
};

const project = (name, suffix) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.spec.ts`],
  ...(name === 'unit' ? {} : { setupFilesAfterEnv: ['<rootDir>/test/setup/tier-timeout.js'] }),
});

module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  projects: [project('unit', 'unit'), project('int', 'int'), project('e2e', 'e2e')],
};
