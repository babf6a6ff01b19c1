import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { Clock, IdGenerator } from '@cdtt/event-sourcing';
import { CLOCK, ID_GENERATOR, NodeRegistry, ProjectionWaiter, ProvinceScope, type Runtime } from '@cdtt/platform';
import { ActivityCommandService } from './application/activity-commands.service';
import { StoreAndSqlFieldworkFacts } from './application/fieldwork-facts';
import { TrainingCommandService } from './application/training-commands.service';
import { FieldworkMutationSupport } from './graphql/fieldwork-mutation.support';
import { FIELDWORK_RESOLVERS } from './graphql/fieldwork.resolvers';
import { ActivityType, MeetingType, TrainingType } from './graphql/fieldwork.types';
import { FIELDWORK_FIGURES } from './measures';
import { FieldworkFiguresService } from './read-models/fieldwork-figures.service';
import { FieldworkReadService } from './read-models/fieldwork-read.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** One dynamic module per runtime: the app and ReportingModule import the same instance (Nest 11 keys dynamic modules by reference). */
const REGISTERED = new WeakMap<Runtime, DynamicModule>();

/**
 * The field-work context in the API: training sessions, field activities, meetings, their reads
 * and figures. Provides FieldworkFigures under FIELDWORK_FIGURES for the reporting context.
 */
@Module({})
export class FieldworkModule implements OnModuleInit {
  constructor(
    @Inject(NodeRegistry) private readonly registry: NodeRegistry,
    @Inject(FieldworkReadService) private readonly reads: FieldworkReadService,
  ) {}

  static register(runtime: Runtime): DynamicModule {
    const known = REGISTERED.get(runtime);
    if (known) return known;
    const registered = FieldworkModule.create(runtime);
    REGISTERED.set(runtime, registered);
    return registered;
  }

  private static create(runtime: Runtime): DynamicModule {
    const facts = new StoreAndSqlFieldworkFacts(runtime.eventStore, runtime.dataSource);
    // Portals see only their provinces' figures; the nation's totals only when configured so (as team statistics).
    const figures = new FieldworkFiguresService(runtime.dataSource, { portalsSeeNational: process.env.PORTALS_SEE_NATIONAL_STATISTICS === 'true' });
    return {
      module: FieldworkModule,
      providers: [
        { provide: FieldworkReadService, useValue: new FieldworkReadService(runtime.dataSource) },
        { provide: FieldworkFiguresService, useValue: figures },
        { provide: FIELDWORK_FIGURES, useValue: figures },
        { provide: TrainingCommandService, useFactory: (ids: IdGenerator) => new TrainingCommandService(runtime.eventStore, ids, facts), inject: [ID_GENERATOR] },
        { provide: ActivityCommandService, useFactory: (ids: IdGenerator) => new ActivityCommandService(runtime.eventStore, ids, facts), inject: [ID_GENERATOR] },
        {
          provide: FieldworkMutationSupport,
          useFactory: (waiter: ProjectionWaiter, clock: Clock, ids: IdGenerator) => new FieldworkMutationSupport(waiter, clock, ids),
          inject: [ProjectionWaiter, CLOCK, ID_GENERATOR],
        },
        ...FIELDWORK_RESOLVERS,
      ],
      exports: [FIELDWORK_FIGURES, FieldworkFiguresService],
    };
  }

  onModuleInit(): void {
    const load = <T>(find: (id: string, scope: ProvinceScope) => Promise<T | null>, of: (row: T) => object) =>
      async (localId: string, actor: Parameters<typeof ProvinceScope.of>[0]): Promise<object | null> => {
        if (!UUID.test(localId)) return null;
        const row = await find(localId, ProvinceScope.of(actor));
        return row ? of(row) : null;
      };
    this.registry.register('Training', load((id, scope) => this.reads.findTraining(id, scope), (row) => TrainingType.of(row)));
    this.registry.register('Activity', load((id, scope) => this.reads.findActivity(id, scope), (row) => ActivityType.of(row)));
    this.registry.register('Meeting', load((id, scope) => this.reads.findMeeting(id, scope), (row) => MeetingType.of(row)));
  }
}
