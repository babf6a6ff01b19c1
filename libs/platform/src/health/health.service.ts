import type { DataSource } from 'typeorm';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: 'up' | 'down';
  readonly eventStore: string;
  readonly checkedAt: string;
}

/** Answers "can this instance serve?": it can when its PostgreSQL answers a trivial query. */
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStoreKind: string,
  ) {}

  async check(): Promise<HealthReport> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    return {
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      eventStore: this.eventStoreKind,
      checkedAt: new Date().toISOString(),
    };
  }
}
