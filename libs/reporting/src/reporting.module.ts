import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock, IdGenerator } from '@cdtt/event-sourcing';
import { FIELDWORK_FIGURES, FieldworkModule, type FieldworkFigures } from '@cdtt/fieldwork';
import { GeographyReadService } from '@cdtt/geography';
import { CLOCK, ID_GENERATOR, NodeRegistry, PreparedReads, ProjectionWaiter, ProvinceScope, type Runtime } from '@cdtt/platform';
import { StatisticsCache, TeamFiguresRead, TeamReadService, TeamStatisticsService } from '@cdtt/teams';
import { IndicatorCatalogue } from './application/indicator-catalogue';
import { IndicatorCommandService } from './application/indicator-commands.service';
import { IndicatorFigures } from './application/indicator-figures';
import { reportCalendarFrom } from './application/report-calendar';
import { ReportCommandService } from './application/report-commands.service';
import { ReportingSummaries } from './application/reporting-summary';
import { TargetCommandService } from './application/target-commands.service';
import { RegistryTeamsFigures, RegistryUnitDirectory } from './application/unit-directory';
import { ReportType } from './graphql/report.type';
import { REPORTING_RESOLVERS } from './graphql/reporting.resolvers';
import { ReportingMutationSupport } from './graphql/reporting-mutation.support';
import { ReportingReadService } from './read-models/reporting-read.service';

const REPORT_ID = /^(STATE|YOUTH_UNION):[0-9A-Z-]+:(PROVINCE|COMMUNE|TEAM):[0-9a-f-]+$/;

/** The reporting context in the API: catalogue, targets, reports, exports and statistics fields. */
@Module({})
export class ReportingModule implements OnModuleInit {
  constructor(
    @Inject(NodeRegistry) private readonly registry: NodeRegistry,
    @Inject(ReportingReadService) private readonly reads: ReportingReadService,
  ) {}

  static register(runtime: Runtime): DynamicModule {
    // A bad REPORT_CALENDAR stops the start with one line per problem (README configuration table).
    const calendar = reportCalendarFrom(process.env.REPORT_CALENDAR);
    const reads = new ReportingReadService(runtime.dataSource);
    const catalogue = new IndicatorCatalogue(reads);
    const teamsFigures = new RegistryTeamsFigures(
      new TeamStatisticsService(runtime.dataSource, { portalsSeeNational: process.env.PORTALS_SEE_NATIONAL_STATISTICS === 'true' }, new StatisticsCache(runtime.dataSource)),
      new TeamFiguresRead(runtime.dataSource),
    );
    return {
      module: ReportingModule,
      // The field-work figures (flows over a period) come from FieldworkModule, the same instance the
      // app registers (FieldworkModule.register returns one module per runtime). @cdtt/fieldwork does
      // not import @cdtt/reporting: no cycle (dependency-cruiser checks it).
      imports: [FieldworkModule.register(runtime)],
      providers: [
        { provide: ReportingReadService, useValue: reads },
        { provide: IndicatorCatalogue, useValue: catalogue },
        {
          provide: RegistryUnitDirectory,
          // The teams context's read service (it holds the personal-data vault) is the one TeamsModule
          // provides, looked up on first use: no second vault, and no import cycle between modules.
          useFactory: (ref: ModuleRef) =>
            new RegistryUnitDirectory(new GeographyReadService(new PreparedReads(runtime.dataSource, 'cdtt_geography')), () => ref.get(TeamReadService, { strict: false })),
          inject: [ModuleRef],
        },
        { provide: IndicatorFigures, useFactory: (fieldwork: FieldworkFigures) => new IndicatorFigures(catalogue, teamsFigures, fieldwork, reads), inject: [FIELDWORK_FIGURES] },
        {
          provide: IndicatorCommandService,
          useFactory: (ids: IdGenerator, clock: Clock, units: RegistryUnitDirectory) => new IndicatorCommandService(runtime.eventStore, ids, clock, catalogue, units),
          inject: [ID_GENERATOR, CLOCK, RegistryUnitDirectory],
        },
        {
          provide: TargetCommandService,
          useFactory: (ids: IdGenerator, clock: Clock, units: RegistryUnitDirectory) => new TargetCommandService(runtime.eventStore, ids, clock, catalogue, units),
          inject: [ID_GENERATOR, CLOCK, RegistryUnitDirectory],
        },
        {
          provide: ReportCommandService,
          useFactory: (ids: IdGenerator, clock: Clock, units: RegistryUnitDirectory, figures: IndicatorFigures) =>
            new ReportCommandService(runtime.eventStore, ids, clock, units, figures, calendar),
          inject: [ID_GENERATOR, CLOCK, RegistryUnitDirectory, IndicatorFigures],
        },
        {
          provide: ReportingSummaries,
          useFactory: (clock: Clock, units: RegistryUnitDirectory) => new ReportingSummaries(units, reads, calendar, clock),
          inject: [CLOCK, RegistryUnitDirectory],
        },
        {
          provide: ReportingMutationSupport,
          useFactory: (waiter: ProjectionWaiter, ids: IdGenerator) => new ReportingMutationSupport(waiter, ids),
          inject: [ProjectionWaiter, ID_GENERATOR],
        },
        ...REPORTING_RESOLVERS,
      ],
    };
  }

  onModuleInit(): void {
    this.registry.register('Report', async (localId, actor) => {
      if (!REPORT_ID.test(localId)) return null;
      const row = await this.reads.findReport(localId, ProvinceScope.of(actor));
      return row ? ReportType.of(row) : null;
    });
  }
}
