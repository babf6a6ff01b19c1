import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReportingReadService } from '../read-models/reporting-read.service';
import { ReportType, ReportVersionType } from './report.type';

@Resolver(() => ReportType)
export class ReportFieldsResolver {
  constructor(@Inject(ReportingReadService) private readonly reads: ReportingReadService) {}

  /** The parent report was already found within the caller's scope. */
  @ResolveField(() => [ReportVersionType], { description: 'Every version, oldest first; each keeps the figures it was submitted with.' })
  async versions(@Parent() report: ReportType): Promise<ReportVersionType[]> {
    return (await this.reads.versions(report.localId)).map((row) => ReportVersionType.of(row));
  }
}
