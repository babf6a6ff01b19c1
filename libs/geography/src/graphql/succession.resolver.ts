import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AdminLevel } from '../domain/admin-unit.events';
import {
  codedError,
  connectionOf,
  CurrentActor,
  decodeCursor,
  MutationRunner,
  ProjectionConsumers,
  ProjectionWaiter,
  userErrorsOf,
  type RequestActor,
} from '@cdtt/platform';
import { SuccessionCommandHandler, type SuccessionOutcome } from '../application/successions/succession-command.handler';
import { ADMIN_UNIT_SUCCESSIONS_PROJECTION, adminUnitSuccessionsProjection } from '../read-models/admin-unit-successions.projection';
import { SuccessionReadService } from '../read-models/succession-read.service';
import {
  RecordUnitSuccessionInput,
  SuccessionDefectConnection,
  SuccessionDefectsArgs,
  SuccessionDefectType,
  UnitSuccessionPayload,
  WithdrawUnitSuccessionInput,
} from './succession.types';

function adminOnly(actor: RequestActor): void {
  if (actor.role !== 'ADMIN') throw codedError('FORBIDDEN', 'Only an administrator may record administrative reorganisations.');
}

/** The mapping's defects, and the admin mutations that record reorganisations and correct the mapping. */
@Resolver()
export class SuccessionResolver {
  constructor(
    @Inject(SuccessionReadService) private readonly reads: SuccessionReadService,
    @Inject(SuccessionCommandHandler) private readonly commands: SuccessionCommandHandler,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
    @Inject(ProjectionWaiter) private readonly waiter: ProjectionWaiter,
    @Inject(ProjectionConsumers) private readonly consumers: ProjectionConsumers,
  ) {}

  @Query(() => SuccessionDefectConnection, { description: 'Defects of the succession mapping (README caveats and gaps found since), by reason and subject.' })
  async successionDefects(@Args() args: SuccessionDefectsArgs): Promise<SuccessionDefectConnection> {
    let after: [string, string] | null = null;
    if (args.after) {
      const [reason, subject] = decodeCursor(args.after) ?? [];
      if (typeof reason !== 'string' || typeof subject !== 'string') throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection');
      after = [reason, subject];
    }
    const page = await this.reads.defects(args.openOnly, args.first + 1, after);
    return connectionOf(page.rows, args.first, page.totalCount, (row) => SuccessionDefectType.of(row), (row) => [row.reason, row.subject], after !== null);
  }

  @Mutation(() => UnitSuccessionPayload, {
    description: 'Admins only. Records an edge of a reorganisation (old unit → new unit on effectiveOn); teams of the old commune follow it.',
  })
  recordUnitSuccession(@Args('input') input: RecordUnitSuccessionInput, @CurrentActor() actor: RequestActor): Promise<UnitSuccessionPayload> {
    adminOnly(actor);
    return this.runner.run({ operation: 'recordUnitSuccession', input, actor }, async () => {
      const { fromCode, toCode, effectiveOn, reference } = input;
      const edge = { fromLevel: input.fromLevel as AdminLevel, fromCode, toLevel: input.toLevel as AdminLevel, toCode, effectiveOn };
      return this.payload(await this.commands.record({ ...edge, kind: input.kind, reference }, actor));
    });
  }

  @Mutation(() => UnitSuccessionPayload, { description: 'Admins only. Withdraws a wrong succession edge (teams that followed it are not moved back).' })
  withdrawUnitSuccession(@Args('input') input: WithdrawUnitSuccessionInput, @CurrentActor() actor: RequestActor): Promise<UnitSuccessionPayload> {
    adminOnly(actor);
    return this.runner.run({ operation: 'withdrawUnitSuccession', input, actor }, async () => {
      const { fromCode, toCode, effectiveOn, reason } = input;
      const edge = { fromLevel: input.fromLevel as AdminLevel, fromCode, toLevel: input.toLevel as AdminLevel, toCode, effectiveOn };
      return this.payload(await this.commands.withdraw({ ...edge, reason }, actor));
    });
  }

  private async payload(outcome: SuccessionOutcome): Promise<UnitSuccessionPayload> {
    if (!outcome.ok) {
      const userErrors = userErrorsOf(outcome.error).map((e) => Object.assign(e, { field: e.field ? ['input', ...e.field] : null }));
      return Object.assign(new UnitSuccessionPayload(), { recorded: false, userErrors });
    }
    // Every copy of the edges, not only ours: team commands read theirs (a village's commune after a
    // reorganisation), and the reorganisation's process manager starts from its own.
    await this.waiter.waitFor(this.consumers.of(adminUnitSuccessionsProjection.eventTypes, [ADMIN_UNIT_SUCCESSIONS_PROJECTION]), outcome.position);
    return Object.assign(new UnitSuccessionPayload(), { recorded: true, userErrors: [] });
  }
}
