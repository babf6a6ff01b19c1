import { Inject, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { Clock, IdGenerator } from '@cdtt/event-sourcing';
import { GeographyReadService } from '@cdtt/geography';
import { CLOCK, ID_GENERATOR, NodeRegistry, PreparedReads, ProjectionWaiter, ProvinceScope, type Runtime } from '@cdtt/platform';
import { PersonCommandService } from './application/person-commands.service';
import { teamPoliciesFromConfig } from './application/team-policies';
import { TeamCommandService } from './application/team-commands.service';
import { TeamRearrangementService } from './application/team-rearrangement.service';
import { TeamMutationSupport } from './graphql/team-mutation.support';
import { TeamType } from './graphql/team.type';
import { TEAMS_RESOLVERS } from './graphql/teams.resolvers';
import { loadPersonalDataMasterKey } from './personal-data/master-key.loader';
import { PersonalDataKeysRepository } from './personal-data/personal-data-keys.repository';
import { PersonalDataVault } from './personal-data/personal-data.vault';
import { teamAuditPersonalData } from './graphql/team-audit-personal-data';
import { teamAsOfProviders } from './read-models/team-as-of.providers';
import { TeamGeographyFacts } from './read-models/team-geography.facts';
import { PersonReadService } from './read-models/person-read.service';
import { TeamReadService } from './read-models/team-read.service';
import { ReorganisationReadService } from './read-models/reorganisation-read.service';
import { TeamStatisticsSeriesService } from './read-models/team-statistics-series.service';
import { StatisticsCache } from './read-models/statistics-cache';
import { TeamStatisticsService } from './read-models/team-statistics.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The teams context in the API: commands, personal data vault, reads, statistics, resolvers. */
@Module({})
export class TeamsModule implements OnModuleInit {
  constructor(
    @Inject(NodeRegistry) private readonly registry: NodeRegistry,
    @Inject(TeamReadService) private readonly reads: TeamReadService,
  ) {}

  static register(runtime: Runtime): DynamicModule {
    const logger = new Logger('Teams');
    const masterKey = loadPersonalDataMasterKey({ env: process.env, dataDir: runtime.config.dataDir, onWarning: (m) => logger.warn(m) });
    const vault = new PersonalDataVault(masterKey, new PersonalDataKeysRepository(runtime.dataSource));
    const facts = new TeamGeographyFacts(runtime.dataSource);
    const policies = teamPoliciesFromConfig(process.env.TEAM_POLICIES);
    const reads = new TeamReadService(runtime.dataSource, vault, new StatisticsCache(runtime.dataSource));
    return {
      module: TeamsModule,
      providers: [
        teamAuditPersonalData(vault),
        ...teamAsOfProviders(runtime, vault, process.env.PORTALS_SEE_NATIONAL_STATISTICS === 'true'),
        { provide: TeamReadService, useValue: reads },
        { provide: ReorganisationReadService, useValue: new ReorganisationReadService(runtime.dataSource) },
        {
          provide: TeamRearrangementService,
          useFactory: (ids: IdGenerator) => new TeamRearrangementService(runtime.eventStore, ids, facts, facts, policies),
          inject: [ID_GENERATOR],
        },
        { provide: TeamStatisticsSeriesService, useFactory: (s: TeamStatisticsService) => new TeamStatisticsSeriesService(runtime.dataSource, s), inject: [TeamStatisticsService] },
        {
          provide: TeamStatisticsService,
          // Portals see only their provinces' figures; the nation's totals only when configured so.
          // Figures are remembered per teams_v1 checkpoint: exact, and one computation for a burst of portals asking the same.
          useValue: new TeamStatisticsService(
            runtime.dataSource,
            { portalsSeeNational: process.env.PORTALS_SEE_NATIONAL_STATISTICS === 'true' },
            new StatisticsCache(runtime.dataSource),
          ),
        },
        { provide: GeographyReadService, useValue: new GeographyReadService(new PreparedReads(runtime.dataSource, 'cdtt_geography')) },
        {
          provide: PersonCommandService,
          useFactory: (ids: IdGenerator) => new PersonCommandService(runtime.eventStore, ids, vault, new PersonReadService(runtime.dataSource)),
          inject: [ID_GENERATOR],
        },
        {
          provide: TeamCommandService,
          useFactory: (ids: IdGenerator, people: PersonCommandService) =>
            new TeamCommandService(runtime.eventStore, ids, facts, facts, policies, people),
          inject: [ID_GENERATOR, PersonCommandService],
        },
        {
          provide: TeamMutationSupport,
          useFactory: (waiter: ProjectionWaiter, clock: Clock, ids: IdGenerator) => new TeamMutationSupport(reads, waiter, clock, ids),
          inject: [ProjectionWaiter, CLOCK, ID_GENERATOR],
        },
        ...TEAMS_RESOLVERS,
      ],
    };
  }

  onModuleInit(): void {
    this.registry.register('Team', async (localId, actor) => {
      if (!UUID.test(localId)) return null;
      const row = await this.reads.findTeam(localId, ProvinceScope.of(actor));
      return row ? TeamType.of(row) : null;
    });
  }
}
