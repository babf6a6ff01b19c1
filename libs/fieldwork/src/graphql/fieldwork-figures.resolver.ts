import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { codedError, CurrentActor, parsePeriod, ProvinceScope, type Period, type RequestActor } from '@cdtt/platform';
import { TeamType, UnitStatisticsType } from '@cdtt/teams';
import type { MeasureUnit } from '../measures';
import { FieldworkFiguresService } from '../read-models/fieldwork-figures.service';
import { PeriodArgs } from './fieldwork-queries.input';
import { FieldworkFiguresType } from './fieldwork-figures.type';

function periodOf(code: string): Period {
  const period = parsePeriod(code);
  if (!period) {
    throw codedError('BAD_USER_INPUT', `period ${code} is not a period code (2025, 2025-H1, 2025-Q3, 2025-07)`, {
      fields: [{ field: 'period', problems: ['not a period code'] }],
    });
  }
  return period;
}

const FIGURES_DESCRIPTION = 'Training, field-work and meeting figures over a period; null when not visible to the caller.';

/** `UnitStatistics.fieldwork(period)`: the unit's figures, scoped again (never trusted from the parent). */
@Resolver(() => UnitStatisticsType)
export class UnitFieldworkResolver {
  constructor(@Inject(FieldworkFiguresService) private readonly figures: FieldworkFiguresService) {}

  @ResolveField(() => FieldworkFiguresType, { nullable: true, description: FIGURES_DESCRIPTION })
  async fieldwork(@Parent() unit: UnitStatisticsType, @Args() args: PeriodArgs, @CurrentActor() actor: RequestActor): Promise<FieldworkFiguresType | null> {
    const measureUnit: MeasureUnit = { level: unit.level as MeasureUnit['level'], code: unit.code };
    const set = await this.figures.figures(measureUnit, periodOf(args.period), ProvinceScope.of(actor));
    return set ? FieldworkFiguresType.of(set) : null;
  }
}

/** `Team.fieldwork(period)`: the team's own figures. */
@Resolver(() => TeamType)
export class TeamFieldworkResolver {
  constructor(@Inject(FieldworkFiguresService) private readonly figures: FieldworkFiguresService) {}

  @ResolveField(() => FieldworkFiguresType, { nullable: true, description: FIGURES_DESCRIPTION })
  async fieldwork(@Parent() team: TeamType, @Args() args: PeriodArgs, @CurrentActor() actor: RequestActor): Promise<FieldworkFiguresType | null> {
    const set = await this.figures.figures({ level: 'TEAM', code: team.localId }, periodOf(args.period), ProvinceScope.of(actor));
    return set ? FieldworkFiguresType.of(set) : null;
  }
}
