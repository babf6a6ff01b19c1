import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { loadConfig, openRuntime, type Runtime } from '@cdtt/platform';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { startProjector } from '../../apps/projector/src/projector';

interface ProjectionRow {
  name: string;
  lagEvents: number;
  eventsProcessed: number;
  deferredIndexes: string[];
  lease: { active: boolean } | null;
}

/** Retries an async assertion until it passes or the time is up. */
async function eventually(check: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The API over real HTTP, on the database the test run provides. */
describe('API over HTTP', () => {
  let runtime: Runtime;
  let app: INestApplication;

  beforeAll(async () => {
    runtime = await openRuntime(loadConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE, RUN_PROJECTOR: 'false' }), 'cdtt-e2e');
    app = await NestFactory.create(AppModule.register(runtime), { logger: false });
    await app.init();
  });
  const server = (): App => app.getHttpServer() as App;
  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  it('GET /health answers 200 with the database up', async () => {
    const response = await request(server()).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers a GraphQL query', async () => {
    const response = await request(server())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ health { status database } }' })
      .expect(200);
    expect(response.body).toEqual({ data: { health: { status: 'ok', database: 'up' } } });
    // Answers hold personal data: no proxy or browser may keep them (noStorePlugin).
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('marks refused GraphQL answers no-store too', async () => {
    const response = await request(server()).post('/graphql').set('content-type', 'application/json').send({ query: '{ nosuchfield }' }).expect(400);
    expect(response.body).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports projection progress after an event is appended', async () => {
    const projector = await startProjector(runtime);
    try {
      await runtime.eventStore.appendToStream(uniqueStream('e2e'), [newEvent('SomethingHappened')]);
      await eventually(async () => {
        const response = await request(server())
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: '{ projections { name lagEvents eventsProcessed deferredIndexes lease { active } } }' })
          .expect(200);
        const { projections } = (response.body as { data: { projections: ProjectionRow[] } }).data;
        const counts = projections.find((p) => p.name === 'event_type_counts_v1');
        expect(counts).toMatchObject({ lagEvents: 0, deferredIndexes: [], lease: { active: true } });
        expect(counts?.eventsProcessed).toBeGreaterThan(0);
      }, 15_000);
    } finally {
      await projector.stop();
    }
  });

  it('rejects an invalid document with a coded error and no internals', async () => {
    const response = await request(server())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ health { nope } }' })
      .expect(400);
    const [error] = (response.body as { errors: unknown[] }).errors as Array<{ extensions: Record<string, unknown> }>;
    expect(error?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|at \w+ \(/i);
  });

  it('refuses a simple-request POST (CSRF prevention stays on)', async () => {
    const response = await request(server())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ health { status } }"}');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.text).not.toContain('"status":"ok"');
  });
});
