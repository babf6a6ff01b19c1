import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { loadConfig, openRuntime, toGlobalId, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../../apps/api/src/app.module';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes, reserveTestYear } from '@cdtt/platform/testing';
import { startProjector, type RunningProjector } from '../../../apps/projector/src/projector';
import { waitForProjections } from './catch-up';
import { forgetHeldTeams } from './world-cleanup';

export interface GqlResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions: { code: string; fields?: unknown } }>;
}

/**
 * The API over HTTP with a small geography of its own, recorded as geography events: province 99
 * and communes 99xxx (no real or fixture unit), in force during one year Y only (a range per file, the year reserved for this world), so
 * the statistics of this run see no other test's data (real data and other tests are dated later
 * or in other years).
 */
export class TeamsE2eWorld {
  private reservedYear: number | undefined;
  readonly province = '99';
  readonly communes: string[] = [];
  runtime!: Runtime;
  app!: INestApplication;
  private projector!: RunningProjector;

  /** A range of years per e2e file; open() reserves one in it that no other world has. */
  constructor(private readonly years: readonly [number, number] = [1950, 1980]) {}

  get year(): number {
    if (this.reservedYear === undefined) throw new Error('the world has no year before open()');
    return this.reservedYear;
  }

  date(monthDay: string): string {
    return `${this.year}-${monthDay}`;
  }

  async open(communeCount: number, villagesPerCommune: number): Promise<string[][]> {
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    // PGlite (no DATABASE_URL) serves one connection at a time: a larger pool interleaves protocols.
    const poolSize = process.env.EMBEDDED_POSTGRES === '1' ? '1' : '10';
    const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, RUN_PROJECTOR: 'false', DATABASE_POOL_SIZE: poolSize });
    this.runtime = await openRuntime(config, 'cdtt-teams-e2e');
    this.reservedYear = await reserveTestYear(this.runtime.dataSource, this.years, 'teams-e2e');
    await this.recordUnit('PROVINCE', this.province);
    const villages: string[][] = [];
    for (const code of await reserveCommuneCodes(this.runtime.dataSource, this.province, communeCount, 'teams-e2e')) {
      this.communes.push(code);
      await this.recordUnit('COMMUNE', code);
      const ids: string[] = [];
      for (let i = 0; i < villagesPerCommune; i += 1) ids.push(await this.registerVillage(code));
      villages.push(ids);
    }
    this.projector = await startProjector(this.runtime);
    // The shared log may be long (a real import): let the projections catch up first.
    await waitForProjections(this.runtime, ['teams_v1', 'villages_v1'], 110_000);
    this.app = await NestFactory.create(AppModule.register(this.runtime), { logger: false });
    await this.app.init();
    return villages.map((ids) => ids.map((id) => toGlobalId('Village', id)));
  }

  async close(): Promise<void> {
    if (this.reservedYear !== undefined) {
      const keys = [`PROVINCE:${this.province}:${this.year}-01-01`, ...this.communes.map((c) => `COMMUNE:${c}:${this.year}-01-01`)];
      await this.runtime?.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [keys]);
      if (this.runtime) await forgetHeldTeams(this.runtime, [this.province], this.year);
    }
    await this.app?.close();
    await this.projector?.stop();
    await this.runtime?.close();
  }

  async gql(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> {
    const response = await request(this.app.getHttpServer() as App).post('/graphql').set('content-type', 'application/json').send({ query, variables });
    return response.body as GqlResponse;
  }

  private get geography(): TestGeography {
    return new TestGeography(this.runtime.eventStore, this.year, 'teams-e2e', 'E2E');
  }

  private recordUnit(level: 'PROVINCE' | 'COMMUNE', code: string): Promise<void> {
    return this.geography.recordUnit(level, code, this.province);
  }

  private registerVillage(communeCode: string): Promise<string> {
    return this.geography.registerVillage(communeCode);
  }
}
