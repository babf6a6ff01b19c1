import { randomBytes } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, Int, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import request from 'supertest';
import type { App } from 'supertest/types';
import { uuidv7 } from '@cdtt/event-sourcing';
import { loadConfig, openRuntime, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../../apps/api/src/app.module';
import { startProjector, type RunningProjector } from '../../../apps/projector/src/projector';

/**
 * A self-nesting list with a page-size argument, added to the test app only: the domain's
 * connections are still being built, and the cost and depth limits need something to nest.
 */
@ObjectType('TestTree')
class TestTree {
  @Field()
  name!: string;
}

@Resolver(() => TestTree)
class TestTreeResolver {
  @Query(() => [TestTree])
  testTree(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): TestTree[] {
    return Array.from({ length: Math.min(first, 3) }, (_, i) => ({ name: `t${i}` }));
  }

  @ResolveField(() => [TestTree])
  children(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): TestTree[] {
    return this.testTree(first);
  }
}

export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: Record<string, unknown> }>; extensions?: Record<string, unknown> };
  headers: Record<string, string>;
}

export interface SecurityHarness {
  readonly runtime: Runtime;
  readonly app: INestApplication;
  readonly admin: { clientId: string; secret: string };
  server(): App;
  token(clientId: string, secret: string): Promise<string>;
  graphql(query: string, token?: string, variables?: Record<string, unknown>): Promise<GraphqlAnswer>;
  /** Another app on the same runtime with AUTH_REQUIRED=true. */
  requiredApp(): Promise<INestApplication>;
  close(): Promise<void>;
}

async function appOn(runtime: Runtime): Promise<INestApplication> {
  @Module({ imports: [AppModule.register(runtime)], providers: [TestTreeResolver] })
  class TestAppModule {}
  const app = await NestFactory.create(TestAppModule, { logger: false });
  await app.init();
  return app;
}

export async function openSecurityHarness(): Promise<SecurityHarness> {
  const admin = { clientId: uuidv7(), secret: randomBytes(32).toString('base64url') };
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    RUN_PROJECTOR: 'false',
    // The embedded test server has one backend: concurrent connections would share its session.
    DATABASE_POOL_SIZE: process.env.EMBEDDED_POSTGRES === '1' ? '1' : '4',
    AUTH_SIGNING_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    BOOTSTRAP_ADMIN_CLIENT_ID: admin.clientId,
    BOOTSTRAP_ADMIN_SECRET: admin.secret,
  });
  const runtime = await openRuntime(config, 'cdtt-e2e-security');
  const projector: RunningProjector = await startProjector(runtime);
  const app = await appOn(runtime);
  const extraApps: INestApplication[] = [];
  const server = (): App => app.getHttpServer() as App;
  return {
    runtime,
    app,
    admin,
    server,
    async token(clientId, secret) {
      const response = await request(server()).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).expect(200);
      return (response.body as { access_token: string }).access_token;
    },
    async graphql(query, token, variables) {
      const call = request(server()).post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query, variables });
      return { status: response.status, body: response.body as GraphqlAnswer['body'], headers: response.headers };
    },
    async requiredApp() {
      const required = await appOn({ ...runtime, config: { ...runtime.config, auth: { ...runtime.config.auth, required: true, bootstrapAdmin: null } } });
      extraApps.push(required);
      return required;
    },
    async close() {
      for (const extra of extraApps) await extra.close();
      await app.close();
      await projector.stop();
      await runtime.close();
    },
  };
}

export const REGISTER = `mutation R($input: RegisterApiClientInput!) {
  registerApiClient(input: $input) { apiClient { id clientId name role provinceCodes status } clientSecret version userErrors { code field message } }
}`;
