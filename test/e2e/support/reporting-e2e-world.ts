import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { uuidv7, type Clock } from '@cdtt/event-sourcing';
import { CLOCK, loadConfig, openRuntime, toGlobalId, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../../apps/api/src/app.module';
import { startProjector, type RunningProjector } from '../../../apps/projector/src/projector';
import { waitForProjections } from './catch-up';
import { REGISTER } from './security-harness';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes, reserveTestYear } from '@cdtt/platform/testing';

export interface GqlResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions: { code: string; fields?: unknown } }>;
}

export type Role = 'ADMIN' | 'PORTAL' | 'OTHER_PORTAL' | 'AUDITOR';

/** A clock the test moves: "today" decides due dates, lateness and what a period has reached. */
class TestClock implements Clock {
  today = '2100-01-01';
  now(): Date {
    return new Date(`${this.today}T05:00:00.000Z`);
  }
}

/**
 * The API over HTTP with the clock under the test's control and real tokens (an admin, a portal
 * of the world's province 98, a portal of 97, an auditor). Its geography is its own: province 98
 * and communes 98xxx, in force during one year Y (2100..2199, reserved for it) only, so its reports, targets and
 * statistics meet no other test's (the catalogue exists from 2022, and Y is "this year" for the clock).
 */
export class ReportingE2eWorld {
  private reservedYear: number | undefined;
  readonly province = '98';
  readonly communes: string[] = [];
  /** A commune code of the province reserved for this world and never recorded: an unknown commune. */
  absentCommune = '';
  readonly clock = new TestClock();
  runtime!: Runtime;
  app!: INestApplication;
  private projector!: RunningProjector;
  /** Credentials per role; tokens are fetched again after the clock moves (they last 15 minutes of its time). */
  private readonly credentials = new Map<Role, { clientId: string; secret: string }>();
  private readonly tokens = new Map<Role, string>();

  /** Y, reserved by open() (see reserveTestYear). */
  get year(): number {
    if (this.reservedYear === undefined) throw new Error('the world has no year before open()');
    return this.reservedYear;
  }

  date(monthDay: string): string {
    return `${this.year}-${monthDay}`;
  }

  setToday(monthDayOrDate: string): void {
    this.clock.today = monthDayOrDate.length === 5 ? this.date(monthDayOrDate) : monthDayOrDate;
    this.tokens.clear();
  }

  async open(communeCount: number, villagesPerCommune: number): Promise<string[][]> {
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    const admin = { clientId: uuidv7(), secret: randomBytes(32).toString('base64url') };
    const config = loadConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      RUN_PROJECTOR: 'false',
      DATABASE_POOL_SIZE: process.env.EMBEDDED_POSTGRES === '1' ? '1' : '6',
      AUTH_SIGNING_KEYS: `rep:${randomBytes(32).toString('base64')}`,
      BOOTSTRAP_ADMIN_CLIENT_ID: admin.clientId,
      BOOTSTRAP_ADMIN_SECRET: admin.secret,
    });
    this.runtime = await openRuntime(config, 'cdtt-reporting-e2e');
    this.reservedYear = await reserveTestYear(this.runtime.dataSource, [2100, 2200], 'reporting-e2e');
    this.setToday('01-10');
    const geography = new TestGeography(this.runtime.eventStore, this.year, 'reporting-e2e', 'Rep');
    await geography.recordUnit('PROVINCE', this.province, this.province);
    await geography.recordUnit('PROVINCE', '97', '97');
    const villages: string[][] = [];
    for (const code of await reserveCommuneCodes(this.runtime.dataSource, this.province, communeCount, 'reporting-e2e')) {
      this.communes.push(code);
      await geography.recordUnit('COMMUNE', code, this.province);
      const ids: string[] = [];
      for (let i = 0; i < villagesPerCommune; i += 1) ids.push(toGlobalId('Village', await geography.registerVillage(code)));
      villages.push(ids);
    }
    // Reserved, not recorded: a fixed "unknown" code (98999) was once among the world's own communes.
    [this.absentCommune = ''] = await reserveCommuneCodes(this.runtime.dataSource, this.province, 1, 'reporting-e2e-absent');
    this.projector = await startProjector(this.runtime);
    await waitForProjections(this.runtime, ['teams_v1', 'villages_v1', 'admin_units_v1', 'reporting_v1'], 110_000);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(this.runtime)] }).overrideProvider(CLOCK).useValue(this.clock).compile();
    this.app = moduleRef.createNestApplication({ logger: false });
    await this.app.init();
    this.credentials.set('ADMIN', admin);
    this.credentials.set('PORTAL', await this.client('PORTAL', [this.province]));
    this.credentials.set('OTHER_PORTAL', await this.client('PORTAL', ['97']));
    this.credentials.set('AUDITOR', await this.client('AUDITOR', []));
    return villages;
  }

  async close(): Promise<void> {
    if (this.reservedYear !== undefined) {
      const keys = [`PROVINCE:${this.province}:${this.year}-01-01`, `PROVINCE:97:${this.year}-01-01`, ...this.communes.map((c) => `COMMUNE:${c}:${this.year}-01-01`)];
      await this.runtime?.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [keys]);
    }
    await this.app?.close();
    await this.projector?.stop();
    await this.runtime?.close();
  }

  async gql(query: string, variables: Record<string, unknown> = {}, role: Role = 'ADMIN'): Promise<GqlResponse> {
    const response = await request(this.app.getHttpServer() as App)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${await this.tokenOf(role)}`)
      .send({ query, variables });
    return response.body as GqlResponse;
  }

  private async tokenOf(role: Role): Promise<string> {
    const cached = this.tokens.get(role);
    if (cached) return cached;
    const credentials = this.credentials.get(role);
    if (!credentials) throw new Error(`no client for ${role}`);
    const token = await this.token(credentials.clientId, credentials.secret);
    this.tokens.set(role, token);
    return token;
  }

  private async token(clientId: string, secret: string): Promise<string> {
    const response = await request(this.app.getHttpServer() as App)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })
      .expect(200);
    return (response.body as { access_token: string }).access_token;
  }

  private async client(role: 'PORTAL' | 'AUDITOR', provinceCodes: string[]): Promise<{ clientId: string; secret: string }> {
    const answer = await this.gql(REGISTER, { input: { name: `Báo cáo ${role} ${provinceCodes.join(',')}`, role, provinceCodes } });
    const payload = (answer.data as { registerApiClient: { apiClient: { clientId: string } | null; clientSecret: string | null } }).registerApiClient;
    if (!payload.apiClient || !payload.clientSecret) throw new Error(`register ${role}: ${JSON.stringify(answer)}`);
    return { clientId: payload.apiClient.clientId, secret: payload.clientSecret };
  }
}
