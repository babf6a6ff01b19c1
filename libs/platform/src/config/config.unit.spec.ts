import { ConfigError, loadConfig } from '@cdtt/platform';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with the projector in-process', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: null,
      dataDir: '.data',
      eventStoreConnectionString: null,
      port: 3000,
      host: '0.0.0.0',
      runProjector: true,
      projections: null,
      projectionSharedRead: true,
      projectionPreparedWrites: true,
      projectionDeferIndexesAfter: 20_000,
      poolSize: 1,
      production: false,
      auth: { signingKeys: null, required: false, bootstrapAdmin: null },
    });
  });

  it('uses a given server with the configured pool', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cdtt', DATABASE_POOL_SIZE: '20' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db:5432/cdtt', poolSize: 20 });
  });

  it('lets an operator turn the shared reader of the projector off', () => {
    expect(loadConfig({ PROJECTION_SHARED_READ: 'false' }).projectionSharedRead).toBe(false);
  });

  it('prepares projection writes unless an operator behind a transaction pooler turns it off', () => {
    expect(loadConfig({}).projectionPreparedWrites).toBe(true);
    expect(loadConfig({ PROJECTION_PREPARED_WRITES: 'false' }).projectionPreparedWrites).toBe(false);
  });

  it('defers query-only indexes after 20,000 events of a catch-up from zero unless told otherwise', () => {
    expect(loadConfig({}).projectionDeferIndexesAfter).toBe(20_000);
    expect(loadConfig({ PROJECTION_DEFER_INDEXES_AFTER: '500000' }).projectionDeferIndexesAfter).toBe(500_000);
    expect(loadConfig({ PROJECTION_DEFER_INDEXES_AFTER: 'never' }).projectionDeferIndexesAfter).toBe(Infinity);
  });

  it('names every bad value at once', () => {
    const attempt = (): unknown =>
      loadConfig({
        DATABASE_URL: 'mysql://x',
        EVENTSTORE_CONNECTION_STRING: 'http://x',
        PORT: '70000',
        RUN_PROJECTOR: 'maybe',
        PROJECTION_SHARED_READ: 'sometimes',
        PROJECTION_PREPARED_WRITES: 'often',
        PROJECTION_DEFER_INDEXES_AFTER: 'soon',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL must look like postgres://user[:password]@host:port/database',
        'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false',
        'PORT must be a whole number from 1 to 65535 (got "70000")',
        'RUN_PROJECTOR must be true or false (got "maybe")',
        'PROJECTION_SHARED_READ must be true or false (got "sometimes")',
        'PROJECTION_PREPARED_WRITES must be true or false (got "often")',
        'PROJECTION_DEFER_INDEXES_AFTER must be a whole number from 1 to 1000000000 (got "soon")',
      ]);
    }
  });
});
