import { randomBytes } from 'node:crypto';
import {
  InMemoryEventStore,
  uuidv7,
  uuidv7Generator,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@cdtt/event-sourcing';
import { createDataSource, ProvinceScope, runMigrations } from '@cdtt/platform';
import { reserveCommuneCodes, reserveTestYear } from '@cdtt/platform/testing';
import type { DataSource } from 'typeorm';
import type { Caller } from '../application/command-execution';
import { PersonCommandService } from '../application/person-commands.service';
import { StaticTeamPolicies } from '../application/team-policies';
import { TeamCommandService } from '../application/team-commands.service';
import { PersonalDataKeysRepository } from '../personal-data/personal-data-keys.repository';
import { StatisticsCache } from '../read-models/statistics-cache';
import { PersonalDataVault } from '../personal-data/personal-data.vault';
import { TeamGeographyFacts } from '../read-models/team-geography.facts';
import { TeamReadService } from '../read-models/team-read.service';
import { TeamStatisticsService } from '../read-models/team-statistics.service';
import { teamsProjection } from '../read-models/teams.projection';

export const caller: Caller = { actor: { clientId: 'teams-test', role: 'ADMIN' }, scope: ProvinceScope.UNRESTRICTED, correlationId: uuidv7() };

/** Migrated test database (the jest global setup provides DATABASE_URL). */
export async function openTeamsTestDatabase(): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is set by the jest global setup');
  const dataSource = createDataSource({ url, poolSize: process.env.EMBEDDED_POSTGRES === '1' ? 1 : 4, applicationName: 'teams-tests' });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/**
 * The teams services over a store, with the `teams_v1` projection applied to the events this
 * world wrote only (by position), so tests sharing one database never re-apply another's events.
 */
export class TeamsWorld {
  readonly streams = new Map<string, number>();
  readonly vault: PersonalDataVault;
  readonly teams: TeamCommandService;
  readonly people: PersonCommandService;
  readonly reads: TeamReadService;
  readonly statistics: TeamStatisticsService;
  /**
   * A year of its own (each test file its own range, the year reserved for this world: statistics 1901..1924, forget 1925..1949): this world's units
   * are in force in that year only, so its statistics see no other test's data (real data and
   * other tests are dated 2020 onwards). Province 99 and communes 99xxx: no real or fixture unit.
   */
  readonly year: number;
  readonly provinceCode = '99';
  private readonly communeCodes = new Set<string>();

  /** A world with a year of `years` and communes that no other test world in the database has. */
  static async create(
    dataSource: DataSource,
    store: EventStore = new InMemoryEventStore(),
    years: readonly [number, number] = [1901, 1925],
    masterKey: Buffer = randomBytes(32),
  ): Promise<TeamsWorld> {
    return new TeamsWorld(dataSource, store, await reserveTestYear(dataSource, years, 'teams-int'), masterKey);
  }

  private constructor(
    readonly dataSource: DataSource,
    readonly store: EventStore,
    year: number,
    masterKey: Buffer,
  ) {
    this.year = year;
    const tracked = this.tracking(store);
    this.vault = new PersonalDataVault(masterKey, new PersonalDataKeysRepository(dataSource));
    const facts = new TeamGeographyFacts(dataSource);
    this.people = new PersonCommandService(tracked, uuidv7Generator, this.vault);
    this.teams = new TeamCommandService(tracked, uuidv7Generator, facts, facts, new StaticTeamPolicies(), this.people);
    // The world applies events without moving a checkpoint: nothing versions its tables, so a cache
    // on a projection without one takes every count afresh.
    this.reads = new TeamReadService(dataSource, this.vault, new StatisticsCache(dataSource, { projection: 'teams_world_unversioned' }));
    this.statistics = new TeamStatisticsService(dataSource);
  }

  date(monthDay: string): string {
    return `${this.year}-${monthDay}`;
  }

  /** A store that remembers which streams this world appended to. */
  private tracking(store: EventStore): EventStore {
    const remember = (name: string): void => {
      if (!this.streams.has(name)) this.streams.set(name, -1);
    };
    return {
      appendToStream: (name: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> => {
        remember(name);
        return store.appendToStream(name, events, options);
      },
      readStream: (name, options) => store.readStream(name, options),
      readAll: (options) => store.readAll(options),
      readAllOfTypes: (options) => store.readAllOfTypes(options),
      headPosition: () => store.headPosition(),
      subscribeToAll: (options) => store.subscribeToAll(options),
      close: () => store.close(),
    };
  }

  async append(streamName: string, type: string, data: unknown, effectiveAt = '1900-01-01T00:00:00.000Z'): Promise<void> {
    this.streams.set(streamName, this.streams.get(streamName) ?? -1);
    const id = uuidv7();
    await this.store.appendToStream(streamName, [
      { id, type, schemaVersion: 1, data, metadata: { correlationId: id, causationId: null, actor: caller.actor, effectiveAt } },
    ]);
  }

  /** Records a unit in force during this world's year only. */
  async recordUnit(level: 'PROVINCE' | 'COMMUNE', code: string, name = `Unit ${code}`): Promise<void> {
    await this.append(`adminunit-${uuidv7()}`, 'AdministrativeUnitRecorded', {
      level,
      code,
      name,
      fullName: name,
      nameEn: name,
      type: level === 'PROVINCE' ? 'Tỉnh' : 'Xã',
      parentCode: level === 'PROVINCE' ? null : this.provinceCode,
      provinceCode: this.provinceCode,
      validFrom: `${this.year}-01-01`,
      validTo: `${this.year + 1}-01-01`,
      source: 'teams-test',
    });
  }

  async registerVillage(communeCode: string, registeredOn = this.date('01-01')): Promise<string> {
    const villageId = uuidv7();
    const data = { villageId, communeCode, name: `Thôn ${villageId.slice(-4)}`, kind: 'THON', households: null, registeredOn };
    await this.append(`village-${villageId}`, 'VillageRegistered', data);
    return villageId;
  }

  async retireVillage(villageId: string, retiredOn: string): Promise<void> {
    await this.append(`village-${villageId}`, 'VillageRetired', { villageId, retiredOn, reason: null });
  }

  async newCommuneCode(): Promise<string> {
    const [code = ''] = await reserveCommuneCodes(this.dataSource, this.provinceCode, 1, 'teams-int');
    this.communeCodes.add(code);
    return code;
  }

  /**
   * Forgets this world's units in the teams copy, so a later run that draws the same year sees
   * none of them (the events stay: history is never edited; a rebuild would bring them back).
   */
  async cleanup(): Promise<void> {
    const keys = [`PROVINCE:${this.provinceCode}:${this.year}-01-01`, ...[...this.communeCodes].map((c) => `COMMUNE:${c}:${this.year}-01-01`)];
    await this.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [keys]);
  }

  /** Applies this world's not-yet-applied events to the read models, in log order. */
  async sync(): Promise<void> {
    const fresh: RecordedEvent[] = [];
    for (const [name, applied] of this.streams) {
      const events = await this.store.readStream(name);
      fresh.push(...events.filter((event) => event.revision > applied));
    }
    fresh.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    await this.dataSource.transaction(async (manager) => {
      for (const event of fresh) await teamsProjection.apply(event, manager);
    });
    for (const event of fresh) this.streams.set(event.streamName, event.revision);
  }
}
