import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { ProjectionStatusService } from './projection-status.service';
import { ProjectionStatusType } from './projection-status.type';

/** For internal admin tools: is every read model caught up? */
@Resolver(() => ProjectionStatusType)
export class ProjectionStatusResolver {
  constructor(@Inject(ProjectionStatusService) private readonly statuses: ProjectionStatusService) {}

  @Query(() => [ProjectionStatusType], { description: 'Every projection version with its checkpoint, lease and lag, by name.' })
  async projections(): Promise<ProjectionStatusType[]> {
    const all = await this.statuses.list();
    return all.map((status) => Object.assign(new ProjectionStatusType(), status));
  }
}
