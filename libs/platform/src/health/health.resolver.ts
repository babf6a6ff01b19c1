import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { HealthService } from './health.service';
import { HealthType } from './health.type';

@Resolver(() => HealthType)
export class HealthResolver {
  constructor(@Inject(HealthService) private readonly service: HealthService) {}

  @Query(() => HealthType, { description: 'The same report as GET /health.' })
  async health(): Promise<HealthType> {
    return Object.assign(new HealthType(), await this.service.check());
  }
}
