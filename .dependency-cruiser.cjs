/**
 * Library boundaries, checked in CI (`npm run lint`):
 * - a lib is imported only through its index.ts alias (@cdtt/<lib>), never by a deep path;
 * - domain/ folders stay pure: nothing from Nest, TypeORM, pg, the EventStoreDB client or the clock;
 * - @eventstore/db-client never leaves its adapter lib;
 * - production code never imports test-only code (…/testing, *.spec.ts);
 * - no circular dependencies.
 */
module.exports = {
  forbidden: [
    {
      name: 'lib-only-through-index',
      comment: 'Import another lib only through its @cdtt/* alias (its src/index.ts).',
      severity: 'error',
      from: { path: '^(apps|libs|test)/', pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'] },
    },
    {
      name: 'lib-to-lib-only-through-index',
      comment: 'Across libs, only through the other lib\'s index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ code is pure: time and ids are injected, no framework or persistence.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: [
          '^node_modules/(@nestjs|typeorm|pg|@eventstore|@electric-sql|@apollo|graphql|class-validator)',
          '(^|/)(ids|clock)(\\.ts)?$',
          '^libs/platform/',
          '^libs/event-store-',
        ],
      },
    },
    {
      name: 'eventstoredb-client-stays-in-adapter',
      severity: 'error',
      from: { pathNot: '^libs/event-store-eventstoredb/' },
      to: { path: '^node_modules/@eventstore/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: ['/testing/', '\\.spec\\.ts$'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
  },
};
