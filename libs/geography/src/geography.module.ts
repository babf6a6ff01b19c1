import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { IdGenerator } from '@cdtt/event-sourcing';
import { ID_GENERATOR, NodeRegistry, PreparedReads, ProvinceScope, type Runtime } from '@cdtt/platform';
import { VillageCommandHandler } from './application/villages/village-command.handler';
import type { AdminLevel } from './domain/admin-unit.events';
import { AdminUnitType } from './graphql/admin-unit.type';
import { GEOGRAPHY_RESOLVERS } from './graphql/geography.resolvers';
import { VillageType } from './graphql/village.type';
import { GeographyReadService } from './read-models/geography-read.service';
import { SuccessionCommandHandler } from './application/successions/succession-command.handler';
import { VillageRearrangementHandler } from './application/villages/village-rearrangement.handler';
import { SuccessionReadService } from './read-models/succession-read.service';

const LEVELS = new Set<string>(['PROVINCE', 'DISTRICT', 'COMMUNE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The geography context in the API: read service, village commands, resolvers, Node loaders. */
@Module({})
export class GeographyModule implements OnModuleInit {
  constructor(
    @Inject(NodeRegistry) private readonly registry: NodeRegistry,
    @Inject(GeographyReadService) private readonly reads: GeographyReadService,
  ) {}

  static register(runtime: Runtime): DynamicModule {
    return {
      module: GeographyModule,
      providers: [
        { provide: GeographyReadService, useValue: new GeographyReadService(new PreparedReads(runtime.dataSource, 'cdtt_geography')) },
        {
          provide: VillageCommandHandler,
          useFactory: (reads: GeographyReadService, ids: IdGenerator) => new VillageCommandHandler(runtime.eventStore, reads, ids),
          inject: [GeographyReadService, ID_GENERATOR],
        },
        { provide: SuccessionReadService, useValue: new SuccessionReadService(runtime.dataSource) },
        {
          provide: VillageRearrangementHandler,
          useFactory: (reads: GeographyReadService, ids: IdGenerator) => new VillageRearrangementHandler(runtime.eventStore, reads, ids),
          inject: [GeographyReadService, ID_GENERATOR],
        },
        {
          provide: SuccessionCommandHandler,
          useFactory: (reads: SuccessionReadService, ids: IdGenerator) => new SuccessionCommandHandler(runtime.eventStore, reads, ids),
          inject: [SuccessionReadService, ID_GENERATOR],
        },
        ...GEOGRAPHY_RESOLVERS,
      ],
      exports: [GeographyReadService],
    };
  }

  onModuleInit(): void {
    // AdminUnit local id: LEVEL:code:validFrom ("-" when the start is unknown). Public reference data: no scope.
    this.registry.register('AdminUnit', async (localId) => {
      const [level, code, validFrom] = localId.split(':');
      if (!level || !LEVELS.has(level) || !code || !validFrom) return null;
      const record = await this.reads.findUnitVersion(level as AdminLevel, code, validFrom === '-' ? null : validFrom);
      return record ? AdminUnitType.of(record) : null;
    });
    this.registry.register('Village', async (localId, actor) => {
      if (!UUID.test(localId)) return null;
      const [record] = await this.reads.findVillages([localId], ProvinceScope.of(actor));
      return record ? VillageType.of(record) : null;
    });
  }
}
