import { Controller, Get, Inject, Res } from '@nestjs/common';
import { HealthService, type HealthReport } from './health.service';

/** `GET /health`: 200 when the instance can serve, 503 otherwise (for load balancers). */
/** The part of the HTTP response this controller needs (keeps Express types out). */
interface StatusSettable {
  status(code: number): unknown;
}

@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  async get(@Res({ passthrough: true }) response: StatusSettable): Promise<HealthReport> {
    const report = await this.health.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
